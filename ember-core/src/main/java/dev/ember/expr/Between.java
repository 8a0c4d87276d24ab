package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;

/**
 * {@code value BETWEEN lower AND upper}: computed as {@code value >= lower AND value <= upper},
 * named {@code between(value, lower, upper)} as Spark names it.
 */
public final class Between extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private Between(And bounds) {
        super(bounds);
    }

    public static Between of(Expression value, Expression lower, Expression upper) {
        return new Between(new And(new Comparison(Comparison.Operator.GREATER_THAN_OR_EQUAL, value, lower),
                new Comparison(Comparison.Operator.LESS_THAN_OR_EQUAL, value, upper)));
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new Between((And) newChild);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public ColumnVector eval(Batch input) {
        return child.eval(input);
    }

    @Override
    public String toString() {
        Comparison lower = (Comparison) child.children().get(0);
        Comparison upper = (Comparison) child.children().get(1);
        return "between(" + lower.left() + ", " + lower.right() + ", " + upper.right() + ")";
    }
}
