package dev.ember.expr;

import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import java.util.List;

/** {@code (SELECT x FROM ...)} used as a value: at most one row of one column, NULL when empty. */
public final class ScalarSubquery extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    public ScalarSubquery(LogicalPlan plan) {
        super(plan);
    }

    @Override
    public SubqueryExpression withPlan(LogicalPlan newPlan) {
        return new ScalarSubquery(newPlan);
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        sameChildren(List.of(), children);
        return this;
    }

    @Override
    public DataType dataType() {
        return plan.output().get(0).dataType();
    }

    @Override
    public String toString() {
        return "scalarsubquery()";
    }
}
