package dev.ember.expr;

import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.NullVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code AND} and {@code OR} as Spark evaluates them: the right side only for the rows the left side
 * does not decide. So a guard holds ({@code b <> 0 AND a / b > 1} raises no division by zero under
 * ANSI), and a selective left side spares the right side most of the batch.
 */
final class ShortCircuit {
    private ShortCircuit() {
    }

    /**
     * @param decidingValue the left value that decides alone: {@code false} for AND, {@code true} for OR
     */
    static BooleanVector eval(Expression left, Expression right, Batch input, boolean decidingValue) {
        BooleanVector l = (BooleanVector) left.eval(input);
        int n = input.rowCount();
        boolean[] a = l.values();
        int[] undecided = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (l.isNull(i) || a[i] != decidingValue) {
                undecided[count++] = i;
            }
        }
        if (count == 0) {
            return l;
        }
        BooleanVector r = (BooleanVector) right.eval(count == n ? input : rowsFor(right, input, undecided, count));
        boolean[] b = r.values();
        boolean[] out = Arrays.copyOf(a, n);
        boolean[] nulls = null;
        for (int k = 0; k < count; k++) {
            int i = undecided[k];
            boolean rightNull = r.isNull(k);
            if (!rightNull && b[k] == decidingValue) {
                out[i] = decidingValue;
            } else if (rightNull || l.isNull(i)) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            } else {
                out[i] = !decidingValue;
            }
        }
        return new BooleanVector(n, out, nulls);
    }

    /** The undecided rows, with only the columns {@code right} reads copied (the others stand in as NULLs). */
    private static Batch rowsFor(Expression right, Batch input, int[] positions, int count) {
        boolean[] read = new boolean[input.columnCount()];
        for (BoundReference column : right.collect(BoundReference.class)) {
            read[column.ordinal()] = true;
        }
        List<ColumnVector> columns = new ArrayList<>(read.length);
        for (int c = 0; c < read.length; c++) {
            columns.add(read[c] ? input.column(c).gather(positions, count) : new NullVector(count));
        }
        return new Batch(columns, count);
    }
}
