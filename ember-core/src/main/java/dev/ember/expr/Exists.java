package dev.ember.expr;

import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.List;

/** {@code EXISTS (SELECT ...)}. */
public final class Exists extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    public Exists(LogicalPlan plan) {
        super(plan);
    }

    @Override
    public SubqueryExpression withPlan(LogicalPlan newPlan) {
        return new Exists(newPlan);
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
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String toString() {
        return "exists()";
    }
}
