package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code sample}: each row kept when a seeded uniform draw in [0, 1) falls in
 * [{@code lowerBound}, {@code upperBound}). The draws of a partition depend only on the seed and
 * the partition, so splits over one input with adjacent bounds are disjoint and cover it.
 */
public final class Sample extends UnaryNode {
    private final double lowerBound;
    private final double upperBound;
    private final long seed;

    public Sample(double lowerBound, double upperBound, long seed, LogicalPlan child) {
        super(child);
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.seed = seed;
    }

    public double lowerBound() {
        return lowerBound;
    }

    public double upperBound() {
        return upperBound;
    }

    public long seed() {
        return seed;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Sample(lowerBound, upperBound, seed, newChild);
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
        return "Sample " + lowerBound + ", " + upperBound + ", seed " + seed;
    }
}
