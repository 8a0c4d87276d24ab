package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** {@code ORDER BY} (global) or {@code sortWithinPartitions} (not global). */
public final class Sort extends UnaryNode {
    private final List<SortOrder> order;
    private final boolean global;

    public Sort(List<SortOrder> order, boolean global, LogicalPlan child) {
        super(child);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("a sort needs at least one key");
        }
        this.order = List.copyOf(order);
        this.global = global;
    }

    public List<SortOrder> order() {
        return order;
    }

    public boolean global() {
        return global;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Sort(order, global, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.copyOf(order);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<SortOrder> mapped = mapAll(order, f, SortOrder.class);
        return mapped == order ? this : new Sort(mapped, global, child);
    }

    @Override
    public String nodeString() {
        return "Sort [" + order.stream().map(Object::toString).collect(Collectors.joining(", ")) + "], " + global;
    }
}
