package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.List;

/** {@code AND} with three-valued logic: false wins over NULL; the right side is evaluated only where the left is not false ({@link ShortCircuit}). */
public final class And extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    /** The operands of the chain of ANDs this one heads, computed on first use. */
    private transient volatile List<Expression> operands;

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
        return evalAt(input, Selection.all(input.rowCount()), input.rowCount());
    }

    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        List<Expression> chain = operands;
        if (chain == null) {
            chain = ShortCircuit.operands(this, And.class);
            operands = chain;
        }
        return ShortCircuit.evalAt(chain, input, rows, count, false);
    }

    @Override
    public String toString() {
        return "(" + left + " AND " + right + ")";
    }
}
