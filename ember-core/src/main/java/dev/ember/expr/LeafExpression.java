package dev.ember.expr;

import java.util.List;

/** An expression without children. */
public abstract class LeafExpression extends Expression {
    private static final long serialVersionUID = 1L;

    @Override
    public final List<Expression> children() {
        return List.of();
    }

    @Override
    public final Expression withNewChildren(List<Expression> children) {
        sameChildren(List.of(), children);
        return this;
    }
}
