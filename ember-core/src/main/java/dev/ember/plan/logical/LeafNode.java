package dev.ember.plan.logical;

import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** A plan node without children: a relation, a command. */
public abstract class LeafNode extends LogicalPlan {
    @Override
    public final List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public final LogicalPlan withNewChildren(List<LogicalPlan> children) {
        sameChildren(List.of(), children);
        return this;
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return this;
    }
}
