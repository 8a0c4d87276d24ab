package dev.ember.vector;

import dev.ember.sql.types.AtomicType;

/** Booleans, one byte each. */
public final class BooleanVector extends ColumnVector {
    private final boolean[] values;

    public BooleanVector(int size, boolean[] values, boolean[] nulls) {
        super(AtomicType.BOOLEAN, size, nulls);
        this.values = values;
    }

    public boolean get(int position) {
        return values[position];
    }

    /** The raw values; meaningless where {@link #isNull} is true. Callers must not modify it. */
    public boolean[] values() {
        return values;
    }

    @Override
    public Object getObject(int position) {
        return isNull(position) ? null : values[position];
    }

    @Override
    ColumnVector withNulls(boolean[] nulls) {
        return new BooleanVector(size, values, nulls);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        boolean[] result = new boolean[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new BooleanVector(count, result, gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return values[position] == ((BooleanVector) other).values[otherPosition];
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        return Boolean.compare(values[position], ((BooleanVector) other).values[otherPosition]);
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : (values[i] ? 1231 : 1237));
        }
    }

    @Override
    public long retainedBytes() {
        return values.length + (nulls == null ? 0 : nulls.length);
    }
}
