package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.error.EmberException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of an immutable physical plan: how to compute, partition by partition. A plan is a
 * serializable description; {@link #open} makes the running {@link Operator} for one partition
 * inside a task. Exchanges ({@link ShuffleExchangeExec}) split the plan into stages: the scheduler
 * runs the stage below an exchange first, and the exchange's operator reads what it wrote.
 */
public abstract class PhysicalPlan implements Serializable, Cloneable {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong NEXT_ID = new AtomicLong();

    /**
     * Names this node in the metrics its tasks send back. Unique in the process that planned it; a
     * copy made by {@link #withNewChildren} keeps it, being the same step of the query.
     */
    private final long id = NEXT_ID.incrementAndGet();

    public abstract List<PhysicalPlan> children();

    public abstract List<AttributeReference> output();

    /** How many partitions this node produces. */
    public abstract int partitionCount();

    /**
     * The hash partitionings this node's rows satisfy: several when they are equivalent (both
     * sides' keys of an inner join), none when unknown.
     */
    public List<HashPartitioning> hashPartitionings() {
        return List.of();
    }

    /** The partitionings of {@code child} whose keys this node still outputs: for operators that keep rows in their partitions. */
    protected final List<HashPartitioning> keptFrom(PhysicalPlan child) {
        Set<ExprId> columns = new HashSet<>();
        output().forEach(a -> columns.add(a.exprId()));
        return child.hashPartitionings().stream().filter(p -> columns.containsAll(p.keys())).toList();
    }

    /** The operator computing partition {@code partition} of this node's output, measured for the task's {@link TaskOperatorMetrics}. */
    public final Operator open(TaskContext context, int partition) {
        return context.operatorMetrics().open(this, () -> doOpen(context, partition));
    }

    /** Makes the operator {@link #open} returns. */
    protected abstract Operator doOpen(TaskContext context, int partition);

    /** This node's identity in per-operator metrics ({@link PlanMetrics}). */
    public final long id() {
        return id;
    }

    /** The children EXPLAIN and the UI show: those that run (a reused exchange's lineage does not). */
    public List<PhysicalPlan> shownChildren() {
        return children();
    }

    /**
     * Plans this node's operator reads besides its children's (a key filter's finished shuffle,
     * {@link KeysIn}): its stage depends on their shuffles too.
     */
    public List<PhysicalPlan> readBesideChildren() {
        return List.of();
    }

    /** One line describing this node, without its children. */
    public abstract String nodeString();

    /**
     * This node over other children with the same outputs (adaptive execution replaces an exchange
     * by a read of its finished output): a copy sharing every other field, which are immutable and
     * bound to the children's outputs, so still valid. Leaves have no children to replace.
     */
    public final PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
        if (children.equals(children())) {
            return this;
        }
        if (children.size() != children().size()) {
            throw EmberException.internal(nodeString() + " has " + children().size() + " children, not " + children.size(), null);
        }
        try {
            PhysicalPlan copy = (PhysicalPlan) clone();
            copy.replaceChildren(children);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Sets the children of a fresh copy ({@link #withNewChildren}); nodes with children override it. */
    protected void replaceChildren(List<PhysicalPlan> children) {
        throw EmberException.internal(nodeString() + " cannot replace its children", null);
    }

    /** Replaces attribute references with positions in {@code input}. */
    public static Expression bind(Expression expression, List<AttributeReference> input) {
        return expression.transformUp(e -> {
            if (e instanceof AttributeReference attribute) {
                for (int i = 0; i < input.size(); i++) {
                    if (input.get(i).exprId().equals(attribute.exprId())) {
                        return new BoundReference(i, attribute.dataType(), attribute.nullable(), attribute.name());
                    }
                }
                throw EmberException.internal("cannot bind " + attribute.debugString() + " to "
                        + input.stream().map(AttributeReference::debugString).toList(), null);
            }
            return e;
        });
    }

    public static List<Expression> bindAll(List<? extends Expression> expressions, List<AttributeReference> input) {
        return expressions.stream().map(e -> bind(e, input)).toList();
    }

    public final String treeString() {
        return dev.ember.plan.TreeText.render(this, PhysicalPlan::nodeString, PhysicalPlan::shownChildren);
    }

    @Override
    public String toString() {
        return treeString();
    }
}
