package dev.ember.scheduler;

import dev.ember.accumulator.AccumulatorV2;
import java.io.Serializable;
import java.util.List;

/**
 * What a task attempt ended with: its value, or the failure that ended it; and the task's copies
 * of accumulators, merged into the driver's only when it succeeded.
 */
public record TaskResult<T>(T value, Throwable failure, List<AccumulatorV2<?, ?>> accumulatorUpdates) implements Serializable {

    public static <T> TaskResult<T> success(T value, List<AccumulatorV2<?, ?>> accumulatorUpdates) {
        return new TaskResult<>(value, null, List.copyOf(accumulatorUpdates));
    }

    public static <T> TaskResult<T> failure(Throwable failure) {
        return new TaskResult<>(null, failure, List.of());
    }
}
