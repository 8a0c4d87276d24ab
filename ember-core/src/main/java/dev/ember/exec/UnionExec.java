package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import java.util.List;

/** The partitions of every input, one after the other; columns by position, named as the first input. */
public final class UnionExec extends PhysicalPlan {
    private static final long serialVersionUID = 1L;

    /** Set only when the node is made ({@link #withNewChildren} sets it on a fresh copy). */
    private List<PhysicalPlan> inputs;
    private final List<AttributeReference> output;

    public UnionExec(List<PhysicalPlan> inputs, List<AttributeReference> output) {
        this.inputs = List.copyOf(inputs);
        this.output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return inputs;
    }

    @Override
    protected void replaceChildren(List<PhysicalPlan> children) {
        inputs = List.copyOf(children);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public int partitionCount() {
        return inputs.stream().mapToInt(PhysicalPlan::partitionCount).sum();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        int remaining = partition;
        for (PhysicalPlan input : inputs) {
            if (remaining < input.partitionCount()) {
                return input.open(context, remaining);
            }
            remaining -= input.partitionCount();
        }
        throw new IndexOutOfBoundsException("partition " + partition + " of a union of " + partitionCount());
    }

    @Override
    public String nodeString() {
        return "Union";
    }
}
