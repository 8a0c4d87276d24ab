package dev.ember.vector;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;

/**
 * 32-bit values: {@code int}, {@code tinyint} and {@code smallint} (always within their range), and
 * {@code date} as days since 1970-01-01.
 */
public final class IntVector extends ColumnVector {
    private final int[] values;

    public IntVector(DataType type, int size, int[] values, boolean[] nulls) {
        super(type, size, nulls);
        if (!holds(type)) {
            throw new IllegalArgumentException("IntVector cannot hold " + type);
        }
        this.values = values;
    }

    /** Whether this layout holds values of {@code type}. */
    public static boolean holds(DataType type) {
        return type == AtomicType.INT || type == AtomicType.DATE || type == AtomicType.BYTE || type == AtomicType.SHORT;
    }

    public int get(int position) {
        return values[position];
    }

    /** The raw values; meaningless where {@link #isNull} is true. Callers must not modify it. */
    public int[] values() {
        return values;
    }

    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        int value = values[position];
        if (type == AtomicType.INT) {
            return value;
        }
        if (type == AtomicType.DATE) {
            return java.time.LocalDate.ofEpochDay(value);
        }
        return type == AtomicType.BYTE ? (Object) (byte) value : (Object) (short) value;
    }

    @Override
    ColumnVector withNulls(boolean[] nulls) {
        return new IntVector(type, size, values, nulls);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new IntVector(type, count, result, gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return values[position] == ((IntVector) other).values[otherPosition];
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        return Integer.compare(values[position], ((IntVector) other).values[otherPosition]);
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : values[i]);
        }
    }

    @Override
    public long retainedBytes() {
        return 4L * values.length + (nulls == null ? 0 : nulls.length);
    }
}
