package dev.ember.vector;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;

/** 64-bit values: {@code bigint}, and {@code timestamp} as microseconds since the epoch (UTC). */
public final class LongVector extends ColumnVector {
    private final long[] values;

    public LongVector(DataType type, int size, long[] values, boolean[] nulls) {
        super(type, size, nulls);
        if (type != AtomicType.LONG && type != AtomicType.TIMESTAMP) {
            throw new IllegalArgumentException("LongVector cannot hold " + type);
        }
        this.values = values;
    }

    public long get(int position) {
        return values[position];
    }

    /** The raw values; meaningless where {@link #isNull} is true. Callers must not modify it. */
    public long[] values() {
        return values;
    }

    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        if (type == AtomicType.TIMESTAMP) {
            long micros = values[position];
            return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        }
        return values[position];
    }

    @Override
    ColumnVector withNulls(boolean[] nulls) {
        return new LongVector(type, size, values, nulls);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new LongVector(type, count, result, gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return values[position] == ((LongVector) other).values[otherPosition];
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        return Long.compare(values[position], ((LongVector) other).values[otherPosition]);
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : Long.hashCode(values[i]));
        }
    }

    @Override
    public long retainedBytes() {
        return 8L * values.length + (nulls == null ? 0 : nulls.length);
    }
}
