package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Repeats each input row once per projection, as Spark plans {@code GROUP BY ROLLUP / CUBE /
 * GROUPING SETS}: every projection computes the same {@code output} columns (for a grouping set,
 * the input columns, the grouping columns with NULL where not in the set, and the set's id).
 */
public final class Expand extends UnaryNode {
    private final List<List<Expression>> projections;
    private final List<AttributeReference> output;

    public Expand(List<List<Expression>> projections, List<AttributeReference> output, LogicalPlan child) {
        super(child);
        this.projections = projections.stream().map(List::copyOf).toList();
        this.output = List.copyOf(output);
        for (List<Expression> projection : this.projections) {
            if (projection.size() != this.output.size()) {
                throw new IllegalArgumentException("a projection of " + projection.size() + " columns for " + this.output.size() + " outputs");
            }
        }
    }

    public List<List<Expression>> projections() {
        return projections;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Expand(projections, output, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>();
        projections.forEach(all::addAll);
        return all;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<List<Expression>> mapped = new ArrayList<>();
        boolean changed = false;
        for (List<Expression> projection : projections) {
            List<Expression> next = mapAll(projection, f, Expression.class);
            changed |= next != projection;
            mapped.add(next);
        }
        return changed ? new Expand(mapped, output, child) : this;
    }

    @Override
    public String nodeString() {
        return "Expand " + projections.stream().map(Object::toString).collect(Collectors.joining(", ")) + ", "
                + output.stream().map(AttributeReference::debugString).toList();
    }
}
