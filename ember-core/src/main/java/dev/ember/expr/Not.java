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
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        return evalAt(input, Selection.all(n), n);
    }

    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        BooleanVector value = child.evalAt(input, rows, count);
        boolean[] in = value.values();
        boolean[] out = new boolean[value.size()];
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            out[i] = !in[i];
        }
        return new BooleanVector(value.size(), out, value.nulls());
    }

    @Override
    public String toString() {
        return "(NOT " + child + ")";
    }
}
