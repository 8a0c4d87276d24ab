package dev.ember.scheduler;

import dev.ember.accumulator.AccumulatorV2;
import dev.ember.exec.NodeMetrics;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a task attempt ended with: its value, or the failure that ended it; the task's copies
 * of accumulators and what its plan nodes measured (by {@code PhysicalPlan.id}), both merged into
 * the driver's only when it succeeded; what it measured and which executor ran it ({@code null}
 * when not known, for an attempt that never reached one).
 */
public record TaskResult<T>(T value, Throwable failure, List<AccumulatorV2<?, ?>> accumulatorUpdates, Map<Long, NodeMetrics> operatorMetrics,
        TaskMetrics metrics, String executorId) implements Serializable {

    public static <T> TaskResult<T> success(T value, List<AccumulatorV2<?, ?>> accumulatorUpdates, Map<Long, NodeMetrics> operatorMetrics) {
        return new TaskResult<>(value, null, List.copyOf(accumulatorUpdates), Map.copyOf(operatorMetrics), TaskMetrics.EMPTY, null);
    }

    public static <T> TaskResult<T> failure(Throwable failure) {
        return new TaskResult<>(null, failure, List.of(), Map.of(), TaskMetrics.EMPTY, null);
    }

    /** This result with the attempt's metrics and the executor that ran it. */
    public TaskResult<T> measured(TaskMetrics metrics, String executorId) {
        return new TaskResult<>(value, failure, accumulatorUpdates, operatorMetrics, metrics, executorId);
    }
}
