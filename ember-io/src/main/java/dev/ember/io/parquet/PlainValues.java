package dev.ember.io.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * PLAIN-encoded values: fixed-width ones little-endian back to back, copied in bulk through buffer
 * views; byte arrays each after its 4-byte length; booleans one bit each, lowest bit first.
 */
final class PlainValues implements PageValues {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private final int end;
    private final PrimitiveTypeName type;
    private final boolean floats;
    private int position;
    private int bitIndex;

    /** Values of physical type {@code type} in {@code data[from .. to)}. */
    PlainValues(byte[] data, int from, int to, PrimitiveTypeName type) {
        this.data = data;
        this.position = from;
        this.end = to;
        this.type = type;
        this.floats = type == PrimitiveTypeName.FLOAT;
    }

    @Override
    public void readInts(int[] out, int at, int count) {
        buffer(4L * count).asIntBuffer().get(out, at, count);
        position += 4 * count;
    }

    @Override
    public void readLongs(long[] out, int at, int count) {
        buffer(8L * count).asLongBuffer().get(out, at, count);
        position += 8 * count;
    }

    @Override
    public void readDoubles(double[] out, int at, int count) {
        if (floats) {
            ByteBuffer buffer = buffer(4L * count);
            for (int i = 0; i < count; i++) {
                out[at + i] = buffer.getFloat(4 * i);
            }
            position += 4 * count;
        } else {
            buffer(8L * count).asDoubleBuffer().get(out, at, count);
            position += 8 * count;
        }
    }

    @Override
    public void readBooleans(boolean[] out, int at, int count) {
        if (position + (bitIndex + (long) count + 7) / 8 > end) {
            throw overrun();
        }
        for (int i = 0; i < count; i++) {
            out[at + i] = (data[position] & (1 << bitIndex)) != 0;
            if (++bitIndex == 8) {
                bitIndex = 0;
                position++;
            }
        }
    }

    @Override
    public void readBinaries(BinaryColumn out, int at, int count) {
        for (int i = 0; i < count; i++) {
            if (position + 4 > end) {
                throw overrun();
            }
            int length = (int) INT_LE.get(data, position);
            position += 4;
            if (length < 0 || length > end - position) {
                throw overrun();
            }
            out.set(at + i, data, position, length);
            position += length;
        }
    }

    // Fixed-width values are read where they lie; skip checks that the page holds the stretch and moves past it.

    @Override
    public void pickInts(int[] out, int at, int[] picks, int count, int present) {
        int from = position;
        skip(present);
        for (int i = 0; i < count; i++) {
            out[at + i] = (int) INT_LE.get(data, from + 4 * picks[i]);
        }
    }

    @Override
    public void pickLongs(long[] out, int at, int[] picks, int count, int present) {
        int from = position;
        skip(present);
        for (int i = 0; i < count; i++) {
            out[at + i] = (long) LONG_LE.get(data, from + 8 * picks[i]);
        }
    }

    @Override
    public void pickDoubles(double[] out, int at, int[] picks, int count, int present) {
        int from = position;
        skip(present);
        for (int i = 0; i < count; i++) {
            out[at + i] = floats ? (float) FLOAT_LE.get(data, from + 4 * picks[i]) : (double) DOUBLE_LE.get(data, from + 8 * picks[i]);
        }
    }

    @Override
    public void pickBooleans(boolean[] out, int at, int[] picks, int count, int present) {
        int from = position;
        int fromBit = bitIndex;
        skip(present);
        for (int i = 0; i < count; i++) {
            int bit = fromBit + picks[i];
            out[at + i] = (data[from + (bit >>> 3)] & (1 << (bit & 7))) != 0;
        }
    }

    @Override
    public void pickBinaries(BinaryColumn out, int at, int[] picks, int count, int present) {
        // Each value's place is known only from the lengths before it.
        int next = 0;
        for (int i = 0; i < count; i++) {
            skip(picks[i] - next);
            readBinaries(out, at + i, 1);
            next = picks[i] + 1;
        }
        skip(present - next);
    }

    @Override
    public void skip(int count) {
        switch (type) {
            case BOOLEAN -> {
                long bits = bitIndex + (long) count;
                buffer((bits + 7) / 8);
                position += (int) (bits / 8);
                bitIndex = (int) (bits % 8);
            }
            case BINARY -> {
                for (int i = 0; i < count; i++) {
                    buffer(4);
                    int length = (int) INT_LE.get(data, position);
                    position += 4;
                    if (length < 0 || length > end - position) {
                        throw overrun();
                    }
                    position += length;
                }
            }
            default -> {
                int width = type == PrimitiveTypeName.INT64 || type == PrimitiveTypeName.DOUBLE ? 8 : 4;
                buffer((long) width * count);
                position += width * count;
            }
        }
    }

    /** The page's bytes as a little-endian buffer whose position is this reader's, checked to hold {@code bytes} more. */
    private ByteBuffer buffer(long bytes) {
        if (position + bytes > end) {
            throw overrun();
        }
        return ByteBuffer.wrap(data, position, (int) bytes).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static IllegalStateException overrun() {
        return new IllegalStateException("PLAIN values overrun their page");
    }
}
