package dev.ember.vector;

/** Null masks of several inputs combined, for functions that are NULL when any input is. */
public final class Nulls {
    private Nulls() {
    }

    /** Flags of {@code count} NULLs. */
    public static boolean[] all(int count) {
        boolean[] nulls = new boolean[count];
        java.util.Arrays.fill(nulls, true);
        return nulls;
    }

    /** Null where either input is null; {@code null} when neither has nulls. */
    public static boolean[] union(ColumnVector a, ColumnVector b, int count) {
        boolean[] x = a.nulls();
        boolean[] y = b.nulls();
        if (x == null && y == null) {
            return null;
        }
        boolean[] result = new boolean[count];
        for (int i = 0; i < count; i++) {
            result[i] = (x != null && x[i]) || (y != null && y[i]);
        }
        return result;
    }

    /** The first {@code count} values of {@code vector}, NULL also where {@code mask} is set; flat vectors share their values. */
    public static ColumnVector masked(ColumnVector vector, boolean[] mask, int count) {
        if (count == vector.size()) {
            boolean[] own = vector.nulls();
            boolean[] nulls = new boolean[count];
            for (int i = 0; i < count; i++) {
                nulls[i] = mask[i] || own != null && own[i];
            }
            ColumnVector flat = vector.withNulls(nulls);
            if (flat != null) {
                return flat;
            }
        }
        VectorBuilder out = VectorBuilder.create(vector.type(), count);
        for (int i = 0; i < count; i++) {
            if (mask[i]) {
                out.appendNull();
            } else {
                out.appendFrom(vector, i);
            }
        }
        return out.build();
    }
}
