package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;
import java.util.List;

/**
 * An expression that holds a query: scalar {@code (SELECT ...)}, {@code EXISTS (...)} and
 * {@code x IN (SELECT ...)}. The optimizer rewrites these into joins before execution.
 */
public abstract class SubqueryExpression extends Expression {
    private static final long serialVersionUID = 1L;

    protected final LogicalPlan plan;

    protected SubqueryExpression(LogicalPlan plan) {
        this.plan = requireNonNull(plan, "plan is null");
    }

    public LogicalPlan plan() {
        return plan;
    }

    /** The same expression over another plan (the analyzer resolves the plan separately from the tree). */
    public abstract SubqueryExpression withPlan(LogicalPlan newPlan);

    @Override
    public boolean resolved() {
        return super.resolved() && plan.resolved();
    }

    /** Children are the outer-side expressions only (the IN value); the plan is not a child. */
    @Override
    public abstract List<Expression> children();
}
