package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A plan node with one child. */
public abstract class UnaryNode extends LogicalPlan {
    protected final LogicalPlan child;

    protected UnaryNode(LogicalPlan child) {
        this.child = requireNonNull(child, "child is null");
    }

    public LogicalPlan child() {
        return child;
    }

    @Override
    public final List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public final LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return sameChildren(children(), children) ? this : withChild(children.get(0));
    }

    protected abstract LogicalPlan withChild(LogicalPlan newChild);
}
