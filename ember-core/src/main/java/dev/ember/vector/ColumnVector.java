package dev.ember.vector;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;

/**
 * One column of a {@link Batch}: a fixed number of values of one type, immutable once built.
 *
 * <p>Each physical layout is a subclass with a primitive array that operators read in tight loops;
 * the per-value methods ({@link #getObject}, {@link #equalsAt}, {@link #compareAt}) serve the API
 * edge and the key comparisons of hash tables and sorts. {@code nulls} is {@code null} when the
 * vector has no null at all, which lets loops skip the null checks.
 */
public abstract sealed class ColumnVector
        permits BooleanVector, IntVector, LongVector, DoubleVector, StringVector, DecimalVector, ArrayVector, NullVector,
        StructVector, MapVector {
    protected final DataType type;
    protected final int size;
    protected final boolean[] nulls;

    protected ColumnVector(DataType type, int size, boolean[] nulls) {
        this.type = requireNonNull(type, "type is null");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        if (nulls != null && nulls.length < size) {
            throw new IllegalArgumentException("null flags for " + nulls.length + " positions in a vector of " + size);
        }
        this.size = size;
        this.nulls = nulls;
    }

    public final DataType type() {
        return type;
    }

    public final int size() {
        return size;
    }

    public final boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    public final boolean mayHaveNulls() {
        return nulls != null;
    }

    /** The null flags, or {@code null} when no value is null. Callers must not modify the array. */
    public final boolean[] nulls() {
        return nulls;
    }

    /** The value at a position as a Java object ({@code null} for SQL NULL); for the API edge only. */
    public abstract Object getObject(int position);

    /** A new vector holding the values at {@code positions[0..count)}, in that order. */
    public abstract ColumnVector gather(int[] positions, int count);

    /** Whether the non-null value here at {@code position} equals the non-null value of {@code other} at {@code otherPosition}. */
    public abstract boolean equalsAt(int position, ColumnVector other, int otherPosition);

    /** Orders two non-null values of the same type (SQL ordering: NaN greatest, strings by UTF-8 bytes). */
    public abstract int compareAt(int position, ColumnVector other, int otherPosition);

    /** Mixes the hash of each value into {@code hashes[0..size)}; NULL hashes to a fixed value. */
    public abstract void hashInto(int[] hashes);

    /** Bytes held by this vector, for memory accounting. */
    public abstract long retainedBytes();

    /**
     * These values with {@code nulls} as null flags (set wherever this vector's are), the values
     * shared; {@code null} for nested vectors, whose children would need masking too.
     */
    ColumnVector withNulls(boolean[] nulls) {
        return null;
    }

    protected final boolean[] gatherNulls(int[] positions, int count) {
        if (nulls == null) {
            return null;
        }
        boolean[] result = new boolean[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            boolean isNull = nulls[positions[i]];
            result[i] = isNull;
            any |= isNull;
        }
        return any ? result : null;
    }

    protected static int mix(int hash, int valueHash) {
        return hash * 31 + valueHash;
    }

    protected static final int NULL_HASH = 0x9e3779b9;

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(getClass().getSimpleName()).append('[').append(type.simpleString()).append("](");
        for (int i = 0; i < Math.min(size, 10); i++) {
            out.append(i == 0 ? "" : ", ").append(getObject(i));
        }
        return out.append(size > 10 ? ", ...)" : ")").toString();
    }
}
