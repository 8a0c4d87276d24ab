package dev.ember.exec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A physical node with one child. */
public abstract class UnaryExec extends PhysicalPlan {
    private static final long serialVersionUID = 1L;

    /** Set only when the node is made ({@link #withNewChildren} sets it on a fresh copy). */
    protected PhysicalPlan child;

    protected UnaryExec(PhysicalPlan child) {
        this.child = requireNonNull(child, "child is null");
    }

    public PhysicalPlan child() {
        return child;
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    protected void replaceChildren(List<PhysicalPlan> children) {
        child = requireNonNull(children.get(0), "child is null");
    }

    @Override
    public int partitionCount() {
        return child.partitionCount();
    }
}
