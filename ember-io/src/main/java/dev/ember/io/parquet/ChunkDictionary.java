package dev.ember.io.parquet;

import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The dictionary of one column chunk, decoded once from its PLAIN dictionary page into the
 * primitive array of the column's physical type (FLOATs widened to doubles), or for byte arrays
 * into one byte array with offsets.
 */
final class ChunkDictionary {
    final int[] ints;
    final long[] longs;
    final double[] doubles;
    final BinaryColumn binaries;
    /** The length of the longest byte array, 0 for other types. */
    final int maxBinaryLength;

    private ChunkDictionary(int[] ints, long[] longs, double[] doubles, BinaryColumn binaries) {
        this.ints = ints;
        this.longs = longs;
        this.doubles = doubles;
        this.binaries = binaries;
        int longest = 0;
        for (int i = 0; binaries != null && i < binaries.offsets.length - 1; i++) {
            longest = Math.max(longest, binaries.offsets[i + 1] - binaries.offsets[i]);
        }
        this.maxBinaryLength = longest;
    }

    /** How many byte arrays the dictionary holds. */
    int binaryCount() {
        return binaries.offsets.length - 1;
    }

    static ChunkDictionary decode(PrimitiveTypeName type, byte[] data, int from, int to, int size) {
        if (size < 0) {
            throw new IllegalStateException("dictionary page of " + size + " values");
        }
        PlainValues plain = new PlainValues(data, from, to, type);
        return switch (type) {
            case INT32 -> {
                int[] values = new int[size];
                plain.readInts(values, 0, size);
                yield new ChunkDictionary(values, null, null, null);
            }
            case INT64 -> {
                long[] values = new long[size];
                plain.readLongs(values, 0, size);
                yield new ChunkDictionary(null, values, null, null);
            }
            case FLOAT, DOUBLE -> {
                double[] values = new double[size];
                plain.readDoubles(values, 0, size);
                yield new ChunkDictionary(null, null, values, null);
            }
            case BINARY -> {
                BinaryColumn values = new BinaryColumn(size, to - from);
                plain.readBinaries(values, 0, size);
                yield new ChunkDictionary(null, null, null, values);
            }
            default -> throw new IllegalStateException("no dictionary is read for " + type + " values");
        };
    }
}
