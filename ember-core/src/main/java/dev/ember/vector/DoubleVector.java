package dev.ember.vector;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;

/**
 * {@code double} values, or {@code float} values held exactly as doubles. Equality and hashing treat
 * all NaNs as one value and -0.0 as 0.0, as SQL grouping does.
 */
public final class DoubleVector extends ColumnVector {
    private final double[] values;

    public DoubleVector(int size, double[] values, boolean[] nulls) {
        this(AtomicType.DOUBLE, size, values, nulls);
    }

    /** A vector of {@code type} DOUBLE or FLOAT; FLOAT values must be floats widened to double. */
    public DoubleVector(DataType type, int size, double[] values, boolean[] nulls) {
        super(type, size, nulls);
        if (type != AtomicType.DOUBLE && type != AtomicType.FLOAT) {
            throw new IllegalArgumentException("DoubleVector cannot hold " + type);
        }
        this.values = values;
    }

    public double get(int position) {
        return values[position];
    }

    /** The raw values; meaningless where {@link #isNull} is true. Callers must not modify it. */
    public double[] values() {
        return values;
    }

    @Override
    public Object getObject(int position) {
        if (isNull(position)) {
            return null;
        }
        return type == AtomicType.FLOAT ? (Object) (float) values[position] : (Object) values[position];
    }

    @Override
    ColumnVector withNulls(boolean[] nulls) {
        return new DoubleVector(type, size, values, nulls);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        double[] result = new double[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new DoubleVector(type, count, result, gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return compareAt(position, other, otherPosition) == 0;
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        return compareSql(values[position], ((DoubleVector) other).values[otherPosition]);
    }

    /** SQL ordering of doubles: NaN is greater than any other value and equal to itself; -0.0 equals 0.0. */
    public static int compareSql(double a, double b) {
        if (a == b) {
            return 0;
        }
        return Double.compare(a, b);
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            double value = values[i] == 0.0 ? 0.0 : values[i];
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : Double.hashCode(value));
        }
    }

    @Override
    public long retainedBytes() {
        return 8L * values.length + (nulls == null ? 0 : nulls.length);
    }
}
