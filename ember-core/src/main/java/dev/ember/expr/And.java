package dev.ember.expr;

import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.List;

/** {@code AND} with three-valued logic: false wins over NULL; the right side is evaluated only where the left is not false ({@link ShortCircuit}). */
public final class And extends ShortCircuit {
    private static final long serialVersionUID = 1L;

    /** The conjuncts as a filter tests them, computed on first use. */
    private transient volatile List<Conjunct> conjuncts;

    public And(Expression left, Expression right) {
        super(left, right, false);
    }

    /** One test of a filter's rows, as {@link Expression#select}. */
    @FunctionalInterface
    private interface Conjunct {
        int select(Batch input, int[] rows, int count, int[] selected);
    }

    /** Each conjunct selects among the rows the ones before it kept, so no row is tested after its first false or NULL one. */
    @Override
    public int select(Batch input, int[] rows, int count, int[] selected) {
        int[] candidates = rows;
        for (Conjunct conjunct : conjuncts()) {
            if (count == 0) {
                break;
            }
            count = conjunct.select(input, candidates, count, selected);
            candidates = selected;
        }
        return count;
    }

    /** The operands of the chain, two bounds in a row on one column (BETWEEN) as one {@link ColumnRange}. */
    private List<Conjunct> conjuncts() {
        List<Conjunct> tests = conjuncts;
        if (tests == null) {
            List<Expression> operands = operands();
            tests = new ArrayList<>(operands.size());
            for (int i = 0; i < operands.size(); i++) {
                ColumnRange range = i + 1 < operands.size() ? ColumnRange.of(operands.get(i), operands.get(i + 1)) : null;
                if (range != null) {
                    tests.add(range::select);
                    i++;
                } else {
                    tests.add(operands.get(i)::select);
                }
            }
            tests = List.copyOf(tests);
            conjuncts = tests;
        }
        return tests;
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
