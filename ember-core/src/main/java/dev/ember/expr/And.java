package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;

/** {@code AND} with three-valued logic: false wins over NULL. */
public final class And extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    public And(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new And(newLeft, newRight);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public ColumnVector eval(Batch input) {
        BooleanVector l = (BooleanVector) left.eval(input);
        BooleanVector r = (BooleanVector) right.eval(input);
        int n = input.rowCount();
        boolean[] out = new boolean[n];
        boolean[] nulls = null;
        boolean[] a = l.values();
        boolean[] b = r.values();
        for (int i = 0; i < n; i++) {
            boolean leftNull = l.isNull(i);
            boolean rightNull = r.isNull(i);
            boolean leftFalse = !leftNull && !a[i];
            boolean rightFalse = !rightNull && !b[i];
            if (leftFalse || rightFalse) {
                out[i] = false;
            } else if (leftNull || rightNull) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            } else {
                out[i] = true;
            }
        }
        return new BooleanVector(n, out, nulls);
    }

    @Override
    public String toString() {
        return "(" + left + " AND " + right + ")";
    }
}
