package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code INTERSECT [ALL]} and {@code EXCEPT [ALL]} (Spark's {@code intersect}, {@code except}, {@code exceptAll}). */
public final class SetOperation extends LogicalPlan {
    public enum Kind { INTERSECT, EXCEPT }

    private final Kind kind;
    private final boolean all;
    private final LogicalPlan left;
    private final LogicalPlan right;

    public SetOperation(Kind kind, boolean all, LogicalPlan left, LogicalPlan right) {
        this.kind = requireNonNull(kind, "kind is null");
        this.all = all;
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
    }

    public Kind kind() {
        return kind;
    }

    public boolean all() {
        return all;
    }

    public LogicalPlan left() {
        return left;
    }

    public LogicalPlan right() {
        return right;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return sameChildren(children(), children) ? this : new SetOperation(kind, all, children.get(0), children.get(1));
    }

    @Override
    public List<AttributeReference> output() {
        return left.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return this;
    }

    @Override
    public String nodeString() {
        return (kind == Kind.INTERSECT ? "Intersect" : "Except") + (all ? " All" : "");
    }
}
