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

    /** A column's rows chosen in one pass over its flags: all of them, or none, when it has no NULL. */
    @Override
    protected int selectNonNull(Batch input, int[] rows, int count, int[] selected) {
        if (!(child instanceof BoundReference)) {
            return -1;
        }
        boolean[] nulls = child.eval(input).nulls();
        if (nulls == null) {
            System.arraycopy(rows, 0, selected, 0, negated ? count : 0);
            return negated ? count : 0;
        }
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            selected[kept] = i;
            kept += nulls[i] != negated ? 1 : 0;
        }
        return kept;
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
