package dev.ember.rdd;

/**
 * Keys by their {@code hashCode} modulo the partition count (null keys to partition 0), as Spark's
 * {@code HashPartitioner}: for strings and boxed numbers the partitions hold what Spark's hold.
 */
public final class HashPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final int partitions;

    public HashPartitioner(int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("Number of partitions (" + partitions + ") cannot be negative.");
        }
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashPartitioner that && that.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
