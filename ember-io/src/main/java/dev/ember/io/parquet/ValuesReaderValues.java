package dev.ember.io.parquet;

import java.util.function.IntConsumer;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * Pages in the encodings Ember does not decode itself (DELTA_*, BYTE_STREAM_SPLIT, RLE booleans,
 * BIT_PACKED levels), read value at a time through parquet-column's reader for the encoding.
 */
final class ValuesReaderValues implements PageValues, DefinitionLevels {
    private final ValuesReader reader;
    private final boolean floats;

    ValuesReaderValues(ValuesReader reader, boolean floats) {
        this.reader = reader;
        this.floats = floats;
    }

    @Override
    public void readInts(int[] out, int at, int count) {
        for (int i = 0; i < count; i++) {
            out[at + i] = reader.readInteger();
        }
    }

    @Override
    public void readLongs(long[] out, int at, int count) {
        for (int i = 0; i < count; i++) {
            out[at + i] = reader.readLong();
        }
    }

    @Override
    public void readDoubles(double[] out, int at, int count) {
        for (int i = 0; i < count; i++) {
            out[at + i] = floats ? reader.readFloat() : reader.readDouble();
        }
    }

    @Override
    public void readBooleans(boolean[] out, int at, int count) {
        for (int i = 0; i < count; i++) {
            out[at + i] = reader.readBoolean();
        }
    }

    @Override
    public void readBinaries(BinaryColumn out, int at, int count) {
        for (int i = 0; i < count; i++) {
            Binary value = reader.readBytes();
            byte[] bytes = value.getBytesUnsafe();
            out.set(at + i, bytes, 0, bytes.length);
        }
    }

    @Override
    public void pickInts(int[] out, int at, int[] picks, int count, int present) {
        pick(picks, count, present, i -> out[at + i] = reader.readInteger());
    }

    @Override
    public void pickLongs(long[] out, int at, int[] picks, int count, int present) {
        pick(picks, count, present, i -> out[at + i] = reader.readLong());
    }

    @Override
    public void pickDoubles(double[] out, int at, int[] picks, int count, int present) {
        pick(picks, count, present, i -> out[at + i] = floats ? reader.readFloat() : reader.readDouble());
    }

    @Override
    public void pickBooleans(boolean[] out, int at, int[] picks, int count, int present) {
        pick(picks, count, present, i -> out[at + i] = reader.readBoolean());
    }

    @Override
    public void pickBinaries(BinaryColumn out, int at, int[] picks, int count, int present) {
        pick(picks, count, present, i -> readBinaries(out, at + i, 1));
    }

    /** Has {@code keep} read pick {@code i} when the reader is at it, the values between skipped. */
    private void pick(int[] picks, int count, int present, IntConsumer keep) {
        int next = 0;
        for (int i = 0; i < count; i++) {
            reader.skip(picks[i] - next);
            keep.accept(i);
            next = picks[i] + 1;
        }
        reader.skip(present - next);
    }

    @Override
    public void skip(int count) {
        reader.skip(count);
    }

    @Override
    public int readNulls(int count, int maxLevel, boolean[] nulls, int at) {
        int present = 0;
        for (int i = 0; i < count; i++) {
            boolean isNull = reader.readInteger() != maxLevel;
            nulls[at + i] = isNull;
            present += isNull ? 0 : 1;
        }
        return present;
    }
}
