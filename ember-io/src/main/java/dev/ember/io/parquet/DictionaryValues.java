package dev.ember.io.parquet;

/** Dictionary-encoded values: ids decoded in bulk, then the chunk's dictionary gathered by id. */
final class DictionaryValues implements PageValues {
    private static final int SHORT = 16;
    /**
     * Below one pick in this many ids, picked ids are read one by one where they lie; above, unpacking
     * every id in bulk (32 at a time) costs less.
     */
    private static final int SPARSE = 8;

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

    /** Reads the next {@code present} ids and puts those at {@code picks[0..count)} at the front of the buffer returned. */
    private int[] pickIds(int[] picks, int count, int present) {
        if (count < present / SPARSE) {
            if (idBuffer.length < count) {
                idBuffer = new int[count];
            }
            ids.pick(idBuffer, 0, picks, count, present);
            return idBuffer;
        }
        int[] id = readIds(present);
        // In place: picks ascend, so pick i is at or after position i.
        for (int i = 0; i < count; i++) {
            id[i] = id[picks[i]];
        }
        return id;
    }

    /** Reads the next {@code count} ids into {@code out[at ..)}, checked to name entries of the dictionary. */
    void readIds(int[] out, int at, int count) {
        ids.read(out, at, count);
        checkIds(out, at, count);
    }

    /** Reads the next {@code present} ids and puts those at {@code picks[0..count)} into {@code out[at ..)}, checked. */
    void pickIds(int[] out, int at, int[] picks, int count, int present) {
        System.arraycopy(pickIds(picks, count, present), 0, out, at, count);
        checkIds(out, at, count);
    }

    private void checkIds(int[] out, int at, int count) {
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
    public void pickInts(int[] out, int at, int[] picks, int count, int present) {
        int[] values = dictionary.ints;
        int[] id = pickIds(picks, count, present);
        for (int i = 0; i < count; i++) {
            out[at + i] = values[id[i]];
        }
    }

    @Override
    public void pickLongs(long[] out, int at, int[] picks, int count, int present) {
        long[] values = dictionary.longs;
        int[] id = pickIds(picks, count, present);
        for (int i = 0; i < count; i++) {
            out[at + i] = values[id[i]];
        }
    }

    @Override
    public void pickDoubles(double[] out, int at, int[] picks, int count, int present) {
        double[] values = dictionary.doubles;
        int[] id = pickIds(picks, count, present);
        for (int i = 0; i < count; i++) {
            out[at + i] = values[id[i]];
        }
    }

    @Override
    public void pickBooleans(boolean[] out, int at, int[] picks, int count, int present) {
        readBooleans(out, at, count);
    }

    @Override
    public void readBinaries(BinaryColumn out, int at, int count) {
        copyBinaries(out, at, readIds(count), count);
    }

    @Override
    public void pickBinaries(BinaryColumn out, int at, int[] picks, int count, int present) {
        copyBinaries(out, at, pickIds(picks, count, present), count);
    }

    /** Copies the entries of ids {@code id[0..count)} into {@code out} from position {@code at} on. */
    private void copyBinaries(BinaryColumn out, int at, int[] id, int count) {
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
