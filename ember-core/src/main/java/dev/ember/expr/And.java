package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;

/** {@code AND} with three-valued logic: false wins over NULL; the right side is evaluated only where the left is not false ({@link ShortCircuit}). */
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
        return ShortCircuit.eval(left, right, input, false);
    }

    @Override
    public String toString() {
        return "(" + left + " AND " + right + ")";
    }
}
