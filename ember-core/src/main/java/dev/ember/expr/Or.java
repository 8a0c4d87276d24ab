package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;

/** {@code OR} with three-valued logic: true wins over NULL. */
public final class Or extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    public Or(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new Or(newLeft, newRight);
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
            boolean leftTrue = !leftNull && a[i];
            boolean rightTrue = !rightNull && b[i];
            if (leftTrue || rightTrue) {
                out[i] = true;
            } else if (leftNull || rightNull) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            } else {
                out[i] = false;
            }
        }
        return new BooleanVector(n, out, nulls);
    }

    @Override
    public String toString() {
        return "(" + left + " OR " + right + ")";
    }
}
