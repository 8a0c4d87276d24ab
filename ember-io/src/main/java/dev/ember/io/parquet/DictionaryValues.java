package dev.ember.io.parquet;

/** Dictionary-encoded values: ids decoded in bulk, then the chunk's dictionary gathered by id. */
final class DictionaryValues implements PageValues {
    private static final int SHORT = 16;

    private final ChunkDictionary dictionary;
    private final RleBitPackedDecoder ids;
    private int[] idBuffer = new int[0];

    DictionaryValues(ChunkDictionary dictionary, RleBitPackedDecoder ids) {
        this.dictionary = dictionary;
        this.ids = ids;
    }

    private int[] readIds(int count) {
        if (idBuffer.length < count) {
            idBuffer = new int[count];
        }
        ids.read(idBuffer, 0, count);
        return idBuffer;
    }

    /** Reads the next {@code count} ids into {@code out[at ..)}, checked to name entries of the dictionary. */
    void readIds(int[] out, int at, int count) {
        ids.read(out, at, count);
        int entries = dictionary.binaryCount();
        for (int i = at; i < at + count; i++) {
            // Unsigned, so that negative ids fail too.
            if (Integer.compareUnsigned(out[i], entries) >= 0) {
                throw new IllegalStateException("dictionary id " + Integer.toUnsignedString(out[i]) + " is not below the dictionary's " + entries + " entries");
            }
        }
    }

    @Override
    public void readInts(int[] out, int at, int count) {
        // The ids go where their values go, and are replaced there.
        int[] values = dictionary.ints;
        ids.read(out, at, count);
        for (int i = at; i < at + count; i++) {
            out[i] = values[out[i]];
        }
    }

    @Override
    public void readLongs(long[] out, int at, int count) {
        long[] values = dictionary.longs;
        int[] id = readIds(count);
        for (int i = 0; i < count; i++) {
            out[at + i] = values[id[i]];
        }
    }

    @Override
    public void readDoubles(double[] out, int at, int count) {
        double[] values = dictionary.doubles;
        int[] id = readIds(count);
        for (int i = 0; i < count; i++) {
            out[at + i] = values[id[i]];
        }
    }

    @Override
    public void readBooleans(boolean[] out, int at, int count) {
        throw new IllegalStateException("dictionary-encoded booleans");
    }

    @Override
    public void readBinaries(BinaryColumn out, int at, int count) {
        int[] id = readIds(count);
        int[] offsets = dictionary.binaries.offsets;
        // The longest entry bounds the bytes needed without a pass over the ids; when that bound
        // does not fit, the exact sum is reserved rather than the bound.
        if (out.byteCount + (long) dictionary.maxBinaryLength * count > out.bytes.length) {
            out.reserve(exactBytes(id, count));
        }
        byte[] source = dictionary.binaries.bytes;
        byte[] target = out.bytes;
        int end = out.byteCount;
        for (int i = 0; i < count; i++) {
            int from = offsets[id[i]];
            int length = offsets[id[i] + 1] - from;
            if (length <= SHORT) {
                // Short strings, the common dictionary entries, copy faster by hand than through arraycopy.
                for (int b = 0; b < length; b++) {
                    target[end + b] = source[from + b];
                }
            } else {
                System.arraycopy(source, from, target, end, length);
            }
            end += length;
            out.offsets[at + i + 1] = end;
        }
        out.byteCount = end;
    }

    @Override
    public void skip(int count) {
        ids.skip(count);
    }

    private int exactBytes(int[] id, int count) {
        int[] offsets = dictionary.binaries.offsets;
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += offsets[id[i] + 1] - offsets[id[i]];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a batch of strings over 2 GiB");
        }
        return (int) total;
    }
}
