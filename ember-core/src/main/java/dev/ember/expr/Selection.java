package dev.ember.expr;

import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.NullVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a batch chosen by position ({@code rows[0..count)}, ascending, distinct), as
 * {@link Expression#evalAt} takes them: a predicate that cannot read them in place is evaluated on
 * a copy of them, and its answers are put back at their positions.
 */
final class Selection {
    /** {@code 0, 1, 2, ...}: every row of a batch; shared and never written, replaced by a longer one when needed. */
    private static volatile int[] identity = identity(Batch.TARGET_ROWS);

    private Selection() {
    }

    /** Every row of a batch of {@code n} rows, in the form {@link Expression#evalAt} takes. */
    static int[] all(int n) {
        int[] rows = identity;
        if (rows.length < n) {
            rows = identity(Math.max(n, 2 * rows.length));
            identity = rows;
        }
        return rows;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** The rows of {@code rows[0..count)} where {@code value} is true (not NULL), into {@code selected}, which may be {@code rows}; how many. */
    static int selectTrue(BooleanVector value, int[] rows, int count, int[] selected) {
        boolean[] values = value.values();
        boolean[] nulls = value.nulls();
        int kept = 0;
        // Without a branch per row, which a predicate keeping about half the rows mispredicts.
        if (nulls == null) {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                selected[kept] = i;
                kept += values[i] ? 1 : 0;
            }
        } else {
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                selected[kept] = i;
                kept += values[i] && !nulls[i] ? 1 : 0;
            }
        }
        return kept;
    }

    /**
     * The rows of {@code rows[0..count)} where {@code value} is not false (true or NULL), into
     * {@code selected}, which may be {@code rows}; how many. Those where it is NULL are flagged in {@code sawNull}.
     */
    static int selectNotFalse(BooleanVector value, int[] rows, int count, int[] selected, boolean[] sawNull) {
        boolean[] values = value.values();
        boolean[] nulls = value.nulls();
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            boolean isNull = nulls != null && nulls[i];
            sawNull[i] |= isNull;
            selected[kept] = i;
            kept += values[i] || isNull ? 1 : 0;
        }
        return kept;
    }

    /** {@code rows[0..count)} without those flagged in {@code flagged}, compacted in place; how many are left. */
    static int withoutFlagged(int[] rows, int count, boolean[] flagged) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            rows[kept] = i;
            kept += flagged[i] ? 0 : 1;
        }
        return kept;
    }

    /** {@code predicate} evaluated on a copy of the chosen rows, its answers put back at their positions. */
    static BooleanVector evalCopied(Expression predicate, Batch input, int[] rows, int count) {
        BooleanVector dense = (BooleanVector) predicate.eval(copy(predicate, input, rows, count));
        int n = input.rowCount();
        boolean[] values = dense.values();
        boolean[] out = new boolean[n];
        boolean[] nulls = dense.mayHaveNulls() ? new boolean[n] : null;
        for (int k = 0; k < count; k++) {
            out[rows[k]] = values[k];
            if (nulls != null) {
                nulls[rows[k]] = dense.isNull(k);
            }
        }
        return new BooleanVector(n, out, nulls);
    }

    /** The chosen rows, with only the columns {@code reader} reads copied (the others stand in as NULLs). */
    private static Batch copy(Expression reader, Batch input, int[] rows, int count) {
        boolean[] read = new boolean[input.columnCount()];
        for (BoundReference column : reader.collect(BoundReference.class)) {
            read[column.ordinal()] = true;
        }
        List<ColumnVector> columns = new ArrayList<>(read.length);
        for (int c = 0; c < read.length; c++) {
            columns.add(read[c] ? input.column(c).gather(rows, count) : new NullVector(count));
        }
        return new Batch(columns, count);
    }
}
