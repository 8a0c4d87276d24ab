package dev.ember.exec;

import dev.ember.events.SqlPlanNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The figures of one SQL execution's plan nodes, summed on the driver over the successful task
 * attempts of every job it runs (adaptive execution's map stages included): the scheduler adds each
 * successful attempt's {@link NodeMetrics} to the collector of the thread that runs the job
 * ({@link #collect}). Failed and cancelled attempts count nothing, as in Spark.
 */
public final class PlanMetrics {
    private static final InheritableThreadLocal<PlanMetrics> CURRENT = new InheritableThreadLocal<>();

    private final Map<Long, NodeMetrics> byNode = new HashMap<>();

    /** Runs {@code body} with this collecting the metrics of the jobs it runs. */
    public <T> T collect(Supplier<T> body) {
        PlanMetrics outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The collector of the calling thread's jobs, or {@code null}. */
    public static PlanMetrics current() {
        return CURRENT.get();
    }

    /** Adds one successful task attempt's figures. */
    public synchronized void add(Map<Long, NodeMetrics> attempt) {
        attempt.forEach((node, metrics) -> byNode.merge(node, metrics, NodeMetrics::plus));
    }

    /** What {@code node} measured so far, or {@code null} if it has not run. */
    public synchronized NodeMetrics of(PhysicalPlan node) {
        return byNode.get(node.id());
    }

    /** {@code plan} with the figures of its nodes, numbered in pre-order. */
    public SqlPlanNode describe(PhysicalPlan plan) {
        return describe(plan, new int[1]);
    }

    private SqlPlanNode describe(PhysicalPlan node, int[] nextId) {
        int id = nextId[0]++;
        NodeMetrics metrics = of(node);
        List<SqlPlanNode> children = new ArrayList<>();
        for (PhysicalPlan child : node.shownChildren()) {
            children.add(describe(child, nextId));
        }
        return new SqlPlanNode(id, node.nodeString(), metrics == null ? List.of() : metrics.describe(), children);
    }
}
