package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;

/** {@code IS NULL}, or {@code IS NOT NULL} when negated; never NULL itself. */
public final class IsNull extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final boolean negated;

    public IsNull(Expression child, boolean negated) {
        super(child);
        this.negated = negated;
    }

    public boolean negated() {
        return negated;
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new IsNull(newChild, negated);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        return nullsAt(child.eval(input), Selection.all(n), n);
    }

    /** A column's flags are read in place; any other value is computed on a copy of the rows, as it may fail. */
    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        return child instanceof BoundReference ? nullsAt(child.eval(input), rows, count) : super.evalAt(input, rows, count);
    }

    private BooleanVector nullsAt(ColumnVector value, int[] rows, int count) {
        boolean[] out = new boolean[value.size()];
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            out[i] = value.isNull(i) != negated;
        }
        return new BooleanVector(value.size(), out, null);
    }

    @Override
    public String toString() {
        return "(" + child + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
