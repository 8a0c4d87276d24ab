package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import java.util.List;

/** {@code child AS alias}: qualifies the child's columns with a name ({@code FROM t AS x}, a view, a CTE). */
public final class SubqueryAlias extends UnaryNode {
    private final String alias;

    public SubqueryAlias(String alias, LogicalPlan child) {
        super(child);
        this.alias = requireNonNull(alias, "alias is null");
    }

    public String alias() {
        return alias;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new SubqueryAlias(alias, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output().stream().map(a -> a.withQualifier(List.of(alias))).toList();
    }

    @Override
    public List<dev.ember.expr.Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(java.util.function.UnaryOperator<dev.ember.expr.Expression> f) {
        return this;
    }

    @Override
    public String nodeString() {
        return "SubqueryAlias " + alias;
    }
}
