package dev.ember.expr;

import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code AND} with three-valued logic: false wins over NULL; the right side is evaluated only where the left is not false ({@link ShortCircuit}). */
public final class And extends ShortCircuit {
    private static final long serialVersionUID = 1L;

    /** Per operand of the chain, the {@link ColumnRange} it starts with the next one, or {@code null}; computed on first use. */
    private transient volatile List<ColumnRange> ranges;

    public And(Expression left, Expression right) {
        super(left, right, false);
    }

    @Override
    public int select(Batch input, int[] rows, int count, int[] selected) {
        List<ColumnRange> rangeAt = ranges;
        if (rangeAt == null) {
            rangeAt = ranges(operands());
            ranges = rangeAt;
        }
        return select(operands(), rangeAt, input, rows, count, selected, false);
    }

    /**
     * The rows where every one of {@code operands} is true: each chooses among the rows where none
     * before it is false, as {@link #evalAt} runs them, in its own loop when it cannot be NULL there
     * ({@link #selectNonNull}; two bounds on one column as one range, {@code rangeAt}).
     *
     * @param nullDrops whether a row is dropped at its first NULL operand ({@link Conjuncts}) rather
     *     than kept, flagged, for the later operands and left out at the end
     */
    static int select(List<Expression> operands, List<ColumnRange> rangeAt, Batch input, int[] rows, int count, int[] selected, boolean nullDrops) {
        boolean[] sawNull = null;
        int[] candidates = rows;
        for (int j = 0; j < operands.size() && count > 0; j++) {
            ColumnRange range = rangeAt.get(j);
            int kept = range == null ? -1 : range.selectNonNull(input, candidates, count, selected);
            if (kept >= 0) {
                j++;
            } else {
                kept = operands.get(j).selectNonNull(input, candidates, count, selected);
            }
            if (kept < 0) {
                BooleanVector value = operands.get(j).evalAt(input, candidates, count);
                if (value.mayHaveNulls() && !nullDrops) {
                    sawNull = sawNull == null ? new boolean[input.rowCount()] : sawNull;
                    kept = Selection.selectNotFalse(value, candidates, count, selected, sawNull);
                } else {
                    kept = Selection.selectTrue(value, candidates, count, selected);
                }
            }
            count = kept;
            candidates = selected;
        }
        return sawNull == null ? count : Selection.withoutFlagged(selected, count, sawNull);
    }

    /** Per operand, the {@link ColumnRange} it starts with the next one, or {@code null}. */
    static List<ColumnRange> ranges(List<Expression> operands) {
        List<ColumnRange> found = new ArrayList<>(operands.size());
        for (int j = 0; j < operands.size(); j++) {
            found.add(j + 1 < operands.size() ? ColumnRange.of(operands.get(j), operands.get(j + 1)) : null);
        }
        return Collections.unmodifiableList(found);
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new And(newLeft, newRight);
    }

    @Override
    public String toString() {
        return "(" + left + " AND " + right + ")";
    }
}
