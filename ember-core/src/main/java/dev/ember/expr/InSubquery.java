package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.List;

/** {@code value IN (SELECT x FROM ...)}. */
public final class InSubquery extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    private final Expression value;

    public InSubquery(Expression value, LogicalPlan plan) {
        super(plan);
        this.value = requireNonNull(value, "value is null");
    }

    public Expression value() {
        return value;
    }

    @Override
    public SubqueryExpression withPlan(LogicalPlan newPlan) {
        return new InSubquery(value, newPlan);
    }

    @Override
    public List<Expression> children() {
        return List.of(value);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(children(), children) ? this : new InSubquery(children.get(0), plan);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public String toString() {
        return "(" + value + " IN (listquery()))";
    }
}
