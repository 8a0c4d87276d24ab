package dev.ember.io.parquet;

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
