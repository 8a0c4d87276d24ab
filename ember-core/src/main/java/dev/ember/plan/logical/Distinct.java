package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code SELECT DISTINCT} / {@code UNION}: removes duplicate rows (NULLs equal to each other). */
public final class Distinct extends UnaryNode {
    public Distinct(LogicalPlan child) {
        super(child);
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Distinct(newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
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
        return "Distinct";
    }
}
