package dev.ember.exec;

import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.vector.Batch;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One task attempt's {@link OperatorMetrics}, a set per plan node ({@link PhysicalPlan#id}). Every
 * operator a node opens is measured ({@link #open}): its batches and rows, and its exclusive time,
 * which is the time inside its {@code next} less the time inside its inputs' (two clock reads per
 * batch). The node whose operator is running, or being opened, is the current one: memory consumers
 * made then, spills recorded then, and what scans read count for it. Used by the task's thread only.
 */
public final class TaskOperatorMetrics implements TaskMemory.Observer {
    private final Map<Long, OperatorMetrics> byNode = new HashMap<>();
    private OperatorMetrics current;
    /** Time spent inside the inputs of the operator running now, to take out of its own. */
    private long inputNanos;

    /** The metrics of {@code node} in this task. */
    public OperatorMetrics of(PhysicalPlan node) {
        return byNode.computeIfAbsent(node.id(), id -> new OperatorMetrics());
    }

    /** The metrics of the node whose operator runs or is being opened, or {@code null} outside operators. */
    public OperatorMetrics current() {
        return current;
    }

    /** Opens {@code node}'s operator as current and measures what it does. */
    Operator open(PhysicalPlan node, Supplier<Operator> opener) {
        OperatorMetrics metrics = of(node);
        OperatorMetrics caller = current;
        current = metrics;
        try {
            return new Measured(opener.get(), metrics);
        } finally {
            current = caller;
        }
    }

    /** Runs {@code body} as work of {@code node} (a map task's partitioning and writing, for its exchange). */
    public void run(PhysicalPlan node, Runnable body) {
        timed(of(node), () -> {
            body.run();
            return null;
        });
    }

    /** Does {@code work} as {@code metrics}' node, which is current meanwhile and is given the time it took less its inputs' time. */
    private <T> T timed(OperatorMetrics metrics, Supplier<T> work) {
        OperatorMetrics caller = current;
        long outerInputs = inputNanos;
        inputNanos = 0;
        current = metrics;
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            long elapsed = System.nanoTime() - start;
            metrics.addTime(elapsed - inputNanos);
            inputNanos = outerInputs + elapsed;
            current = caller;
        }
    }

    /** The figures of every node that ran in this task, for its result. */
    public Map<Long, NodeMetrics> snapshot() {
        Map<Long, NodeMetrics> snapshot = new HashMap<>();
        byNode.forEach((id, metrics) -> snapshot.put(id, metrics.snapshot()));
        return snapshot;
    }

    @Override
    public void registered(MemoryConsumer consumer) {
        if (current != null) {
            current.adopt(consumer);
        }
    }

    @Override
    public void spilled(long memoryBytes, long diskBytes) {
        if (current != null) {
            current.add(OperatorMetric.SPILL_SIZE, diskBytes);
            current.add(OperatorMetric.SPILLS, 1);
        }
    }

    /** Counts what the operator it wraps returns and the time it spends. */
    private final class Measured implements Operator {
        private final Operator operator;
        private final Supplier<Batch> next;
        private final OperatorMetrics metrics;

        Measured(Operator operator, OperatorMetrics metrics) {
            this.operator = operator;
            this.next = operator::next;
            this.metrics = metrics;
        }

        @Override
        public Batch next() {
            Batch batch = timed(metrics, next);
            if (batch != null) {
                metrics.output(batch.rowCount());
            }
            return batch;
        }

        @Override
        public void close() {
            operator.close();
        }
    }
}
