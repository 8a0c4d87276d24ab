package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.vector.ColumnVector;
import dev.ember.vector.Nulls;
import java.util.List;

/** An expression of two children. */
public abstract class BinaryExpression extends Expression {
    private static final long serialVersionUID = 1L;

    protected final Expression left;
    protected final Expression right;

    protected BinaryExpression(Expression left, Expression right) {
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
    }

    public Expression left() {
        return left;
    }

    public Expression right() {
        return right;
    }

    @Override
    public final List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public final Expression withNewChildren(List<Expression> children) {
        return sameChildren(children(), children) ? this : copy(children.get(0), children.get(1));
    }

    protected abstract Expression copy(Expression newLeft, Expression newRight);

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }

    @Override
    public boolean foldable() {
        return left.foldable() && right.foldable();
    }

    /** Null where either input is null; {@code null} when neither has nulls. */
    protected static boolean[] unionNulls(ColumnVector a, ColumnVector b, int count) {
        return Nulls.union(a, b, count);
    }
}
