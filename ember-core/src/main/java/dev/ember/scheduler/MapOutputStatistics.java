package dev.ember.scheduler;

/**
 * What a finished map stage wrote, for adaptive execution: the estimated bytes in memory and the
 * rows each map task wrote for each reduce partition ({@code bytes[map][reduce]}), whether the
 * blocks are kept in memory or on disk. RDD records count their estimated size, one row each.
 */
public record MapOutputStatistics(int shuffleId, long[][] bytes, long[][] rows) {

    public int mapPartitions() {
        return bytes.length;
    }

    public int reducePartitions() {
        return bytes.length == 0 ? 0 : bytes[0].length;
    }

    /** The bytes of one reduce partition, over every map output. */
    public long partitionBytes(int reducePartition) {
        long total = 0;
        for (long[] map : bytes) {
            total += map[reducePartition];
        }
        return total;
    }

    /** The bytes of each reduce partition. */
    public long[] partitionBytes() {
        long[] sizes = new long[reducePartitions()];
        for (int r = 0; r < sizes.length; r++) {
            sizes[r] = partitionBytes(r);
        }
        return sizes;
    }

    public long totalBytes() {
        long total = 0;
        for (long[] map : bytes) {
            for (long size : map) {
                total += size;
            }
        }
        return total;
    }

    public long totalRows() {
        long total = 0;
        for (long[] map : rows) {
            for (long count : map) {
                total += count;
            }
        }
        return total;
    }
}
