package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code WHERE condition}: keeps the rows for which the condition is true (not NULL, not false). */
public final class Filter extends UnaryNode {
    private final Expression condition;

    public Filter(Expression condition, LogicalPlan child) {
        super(child);
        this.condition = requireNonNull(condition, "condition is null");
    }

    public Expression condition() {
        return condition;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Filter(condition, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of(condition);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        Expression mapped = f.apply(condition);
        return mapped == condition ? this : new Filter(mapped, child);
    }

    @Override
    public String nodeString() {
        return "Filter " + condition;
    }
}
