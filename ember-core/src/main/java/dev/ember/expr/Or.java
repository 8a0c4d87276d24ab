package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;

/** {@code OR} with three-valued logic: true wins over NULL; the right side is evaluated only where the left is not true ({@link ShortCircuit}). */
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
        return ShortCircuit.eval(left, right, input, true);
    }

    @Override
    public String toString() {
        return "(" + left + " OR " + right + ")";
    }
}
