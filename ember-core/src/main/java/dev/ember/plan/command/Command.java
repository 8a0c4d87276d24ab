package dev.ember.plan.command;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.LogicalPlan;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A statement that acts on the session rather than computing rows through operators: creating
 * views, listing tables, explaining a query. The session runs it and it yields a small result
 * (often none). Its query, if any, is not a child: the command resolves it when it runs.
 */
public abstract class Command extends LogicalPlan {
    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        sameChildren(List.of(), children);
        return this;
    }

    @Override
    public boolean resolved() {
        return true;
    }

    /** The columns of the command's result; empty when it yields nothing. */
    @Override
    public List<AttributeReference> output() {
        return List.of();
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
