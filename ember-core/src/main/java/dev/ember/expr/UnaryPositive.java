package dev.ember.expr;

import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;

/** Unary plus: the value itself. A node of its own because Spark names the column {@code (+ x)}. */
public final class UnaryPositive extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    public UnaryPositive(Expression child) {
        super(child);
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new UnaryPositive(newChild);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public ColumnVector eval(Batch input) {
        return child.eval(input);
    }

    @Override
    public String toString() {
        return "(+ " + child + ")";
    }
}
