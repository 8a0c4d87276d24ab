package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import java.util.List;

/**
 * The root EXPLAIN shows over a plan that adaptive execution runs (Spark's
 * {@code AdaptiveSparkPlan isFinalPlan=...}): the plan as first made, or, once run, as it ended.
 * It computes nothing itself.
 */
public final class AdaptiveSparkPlanExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final boolean finalPlan;

    public AdaptiveSparkPlanExec(PhysicalPlan plan, boolean finalPlan) {
        super(plan);
        this.finalPlan = finalPlan;
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        return child.open(context, partition);
    }

    @Override
    public String nodeString() {
        return "AdaptiveSparkPlan isFinalPlan=" + finalPlan;
    }
}
