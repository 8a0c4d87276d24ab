package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code WITH name AS (query), ... body}: the analyzer substitutes each name where the body (or a later CTE) uses it. */
public final class WithCte extends LogicalPlan {
    /** One {@code name AS (query)}. */
    public record Definition(String name, LogicalPlan plan) {
        public Definition {
            requireNonNull(name, "name is null");
            requireNonNull(plan, "plan is null");
        }
    }

    private final List<Definition> definitions;
    private final LogicalPlan body;

    public WithCte(List<Definition> definitions, LogicalPlan body) {
        this.definitions = List.copyOf(definitions);
        this.body = requireNonNull(body, "body is null");
    }

    public List<Definition> definitions() {
        return definitions;
    }

    public LogicalPlan body() {
        return body;
    }

    @Override
    public List<LogicalPlan> children() {
        List<LogicalPlan> children = new ArrayList<>();
        definitions.forEach(d -> children.add(d.plan()));
        children.add(body);
        return children;
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        if (sameChildren(children(), children)) {
            return this;
        }
        List<Definition> newDefinitions = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            newDefinitions.add(new Definition(definitions.get(i).name(), children.get(i)));
        }
        return new WithCte(newDefinitions, children.get(children.size() - 1));
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public List<AttributeReference> output() {
        return body.output();
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
        return "WithCte " + definitions.stream().map(Definition::name).toList();
    }
}
