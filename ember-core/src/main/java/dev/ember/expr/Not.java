package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;

/** {@code NOT}: NULL stays NULL. */
public final class Not extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    public Not(Expression child) {
        super(child);
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new Not(newChild);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public ColumnVector eval(Batch input) {
        BooleanVector value = (BooleanVector) child.eval(input);
        int n = input.rowCount();
        boolean[] in = value.values();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = !in[i];
        }
        return new BooleanVector(n, out, value.nulls());
    }

    @Override
    public String toString() {
        return "(NOT " + child + ")";
    }
}
