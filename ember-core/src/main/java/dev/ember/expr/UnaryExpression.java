package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An expression of one child. */
public abstract class UnaryExpression extends Expression {
    private static final long serialVersionUID = 1L;

    protected final Expression child;

    protected UnaryExpression(Expression child) {
        this.child = requireNonNull(child, "child is null");
    }

    public Expression child() {
        return child;
    }

    @Override
    public final List<Expression> children() {
        return List.of(child);
    }

    @Override
    public final Expression withNewChildren(List<Expression> children) {
        return sameChildren(children(), children) ? this : copy(children.get(0));
    }

    protected abstract Expression copy(Expression newChild);

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public boolean foldable() {
        return child.foldable();
    }
}
