package dev.ember.expr.window;

import dev.ember.expr.BinaryExpression;
import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;

/**
 * Where a RANGE frame bound with a value offset lies for each row: {@code bound} is the ORDER BY key
 * moved by the offset ({@code o - 2}, {@code day + INTERVAL 1 DAY}), and {@code key} is the ORDER BY
 * key in the type the two are compared in. A row is inside the lower bound when its key is at or
 * after the bound in the window's order, inside the upper one when at or before it. The window
 * operator evaluates both sides; this node only carries them through the analyzer and planner.
 */
public final class RangeBound extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    public RangeBound(Expression key, Expression bound) {
        super(key, bound);
    }

    public Expression key() {
        return left;
    }

    public Expression bound() {
        return right;
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new RangeBound(newLeft, newRight);
    }

    @Override
    public DataType dataType() {
        return right.dataType();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return right.toString();
    }
}
