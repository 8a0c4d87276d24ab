package dev.ember.expr;

import dev.ember.vector.Batch;

/** {@code AND} with three-valued logic: false wins over NULL; the right side is evaluated only where the left is not false ({@link ShortCircuit}). */
public final class And extends ShortCircuit {
    private static final long serialVersionUID = 1L;

    public And(Expression left, Expression right) {
        super(left, right, false);
    }

    /** Each conjunct selects among the rows the ones before it kept, so no row is tested after its first false or NULL one. */
    @Override
    public int select(Batch input, int[] rows, int count, int[] selected) {
        int[] candidates = rows;
        for (Expression operand : operands()) {
            if (count == 0) {
                break;
            }
            count = operand.select(input, candidates, count, selected);
            candidates = selected;
        }
        return count;
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
