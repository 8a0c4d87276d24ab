package dev.ember.exec;

import dev.ember.memory.MemoryConsumer;
import java.util.ArrayList;
import java.util.List;

/**
 * What one plan node's operators counted in one task attempt: plain longs, touched only by the
 * task's thread, a batch (not a row) at a time. The memory consumers the operators made give its
 * peak memory. Sent back with the task's result as {@link NodeMetrics}.
 */
public final class OperatorMetrics {
    private final long[] values = new long[OperatorMetric.ALL.length];
    private final List<MemoryConsumer> consumers = new ArrayList<>(1);

    public void add(OperatorMetric metric, long amount) {
        values[metric.ordinal()] += amount;
    }

    void output(int rows) {
        values[OperatorMetric.OUTPUT_ROWS.ordinal()] += rows;
        values[OperatorMetric.OUTPUT_BATCHES.ordinal()]++;
    }

    void addTime(long nanos) {
        values[OperatorMetric.TIME.ordinal()] += nanos;
    }

    void adopt(MemoryConsumer consumer) {
        consumers.add(consumer);
    }

    NodeMetrics snapshot() {
        long[] copy = values.clone();
        for (MemoryConsumer consumer : consumers) {
            copy[OperatorMetric.PEAK_MEMORY.ordinal()] += consumer.peakReserved();
        }
        return new NodeMetrics(copy);
    }
}
