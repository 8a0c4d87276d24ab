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
        ColumnVector value = child.eval(input);
        int n = input.rowCount();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = value.isNull(i) != negated;
        }
        return new BooleanVector(n, out, null);
    }

    @Override
    public String toString() {
        return "(" + child + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
