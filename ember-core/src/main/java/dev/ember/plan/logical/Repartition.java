package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code repartition(n[, keys])} (a shuffle: by the hash of the keys, or round-robin without keys)
 * and {@code coalesce(n)} (no shuffle: neighbouring partitions merged).
 */
public final class Repartition extends UnaryNode {
    private final int partitions;
    private final List<Expression> keys;
    private final boolean shuffle;

    public Repartition(int partitions, List<Expression> keys, boolean shuffle, LogicalPlan child) {
        super(child);
        if (partitions < 1) {
            throw new IllegalArgumentException("the number of partitions must be positive, not " + partitions);
        }
        this.partitions = partitions;
        this.keys = List.copyOf(keys);
        this.shuffle = shuffle;
    }

    public int partitions() {
        return partitions;
    }

    public List<Expression> keys() {
        return keys;
    }

    public boolean shuffle() {
        return shuffle;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Repartition(partitions, keys, shuffle, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return keys;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return new Repartition(partitions, keys.stream().map(f).toList(), shuffle, child);
    }

    @Override
    public String nodeString() {
        return (shuffle ? "Repartition " : "Coalesce ") + partitions + (keys.isEmpty() ? "" : ", " + keys);
    }
}
