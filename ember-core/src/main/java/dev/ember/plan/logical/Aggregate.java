package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@code GROUP BY groupings} computing {@code aggregates}: the output expressions, which may use
 * grouping expressions and aggregate functions. No groupings means one global group.
 */
public final class Aggregate extends UnaryNode {
    private final List<Expression> groupings;
    private final List<Expression> aggregates;

    public Aggregate(List<Expression> groupings, List<Expression> aggregates, LogicalPlan child) {
        super(child);
        this.groupings = List.copyOf(groupings);
        this.aggregates = List.copyOf(aggregates);
    }

    public List<Expression> groupings() {
        return groupings;
    }

    public List<Expression> aggregates() {
        return aggregates;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Aggregate(groupings, aggregates, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return aggregates.stream().map(e -> ((NamedExpression) e).toAttribute()).toList();
    }

    @Override
    public boolean resolved() {
        return super.resolved() && aggregates.stream().allMatch(e -> e instanceof NamedExpression);
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>(groupings);
        all.addAll(aggregates);
        return all;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<Expression> newGroupings = mapAll(groupings, f, Expression.class);
        List<Expression> newAggregates = mapAll(aggregates, f, Expression.class);
        return newGroupings == groupings && newAggregates == aggregates ? this : new Aggregate(newGroupings, newAggregates, child);
    }

    @Override
    public String nodeString() {
        return "Aggregate [" + groupings.stream().map(Object::toString).collect(Collectors.joining(", ")) + "], ["
                + aggregates.stream().map(Object::toString).collect(Collectors.joining(", ")) + "]";
    }
}
