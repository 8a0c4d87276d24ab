package dev.ember.vector;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings as UTF-8 bytes in one array with {@code size + 1} offsets; value {@code i} is
 * {@code bytes[offsets[i] .. offsets[i + 1])}. Ordering is by unsigned bytes, which for UTF-8 is
 * code-point order, Spark's default collation. Also holds {@code binary}.
 */
public final class StringVector extends ColumnVector {
    private final byte[] bytes;
    private final int[] offsets;

    public StringVector(DataType type, int size, byte[] bytes, int[] offsets, boolean[] nulls) {
        super(type, size, nulls);
        if (type != AtomicType.STRING && type != AtomicType.BINARY) {
            throw new IllegalArgumentException("StringVector cannot hold " + type);
        }
        if (offsets.length < size + 1) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + size + " strings");
        }
        this.bytes = bytes;
        this.offsets = offsets;
    }

    public static StringVector of(String... values) {
        VectorBuilder builder = VectorBuilder.create(AtomicType.STRING, values.length);
        for (String value : values) {
            builder.appendObject(value);
        }
        return (StringVector) builder.build();
    }

    public String getString(int position) {
        return new String(bytes, offsets[position], offsets[position + 1] - offsets[position], StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int position) {
        return Arrays.copyOfRange(bytes, offsets[position], offsets[position + 1]);
    }

    public int start(int position) {
        return offsets[position];
    }

    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    /** The shared byte array; callers must not modify it. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        return type == AtomicType.BINARY ? getBytes(position) : getString(position);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += length(positions[i]);
        }
        byte[] result = new byte[total];
        int[] resultOffsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            int length = length(position);
            System.arraycopy(bytes, offsets[position], result, at, length);
            at += length;
            resultOffsets[i + 1] = at;
        }
        return new StringVector(type, count, result, resultOffsets, gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        StringVector that = (StringVector) other;
        return Arrays.equals(bytes, offsets[position], offsets[position + 1],
                that.bytes, that.offsets[otherPosition], that.offsets[otherPosition + 1]);
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        StringVector that = (StringVector) other;
        return Arrays.compareUnsigned(bytes, offsets[position], offsets[position + 1],
                that.bytes, that.offsets[otherPosition], that.offsets[otherPosition + 1]);
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : hashBytes(offsets[i], offsets[i + 1]));
        }
    }

    private int hashBytes(int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    @Override
    public long retainedBytes() {
        return bytes.length + 4L * offsets.length + (nulls == null ? 0 : nulls.length);
    }
}
