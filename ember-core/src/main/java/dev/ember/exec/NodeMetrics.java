package dev.ember.exec;

import dev.ember.events.SqlMetric;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one plan node, as a task attempt measured them (sent back with its result) or as
 * a query's attempts add up: a value per {@link OperatorMetric}. Immutable.
 */
public final class NodeMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] values;

    NodeMetrics(long[] values) {
        this.values = values.clone();
    }

    public long get(OperatorMetric metric) {
        return values[metric.ordinal()];
    }

    /** These figures and {@code other}'s together. */
    public NodeMetrics plus(NodeMetrics other) {
        long[] sum = new long[values.length];
        for (OperatorMetric metric : OperatorMetric.ALL) {
            sum[metric.ordinal()] = metric.combine(get(metric), other.get(metric));
        }
        return new NodeMetrics(sum);
    }

    /**
     * The figures worth showing: those not zero, and time and rows however many (none is news), except
     * for an exchange whose map side ran but whose output another node read (adaptive execution's).
     */
    List<SqlMetric> describe() {
        List<SqlMetric> shown = new ArrayList<>();
        boolean wroteOnly = get(OperatorMetric.SHUFFLE_RECORDS_WRITTEN) > 0 && get(OperatorMetric.OUTPUT_BATCHES) == 0;
        for (OperatorMetric metric : OperatorMetric.ALL) {
            long value = get(metric);
            if (value != 0 || metric == OperatorMetric.TIME || metric == OperatorMetric.OUTPUT_ROWS && !wroteOnly) {
                shown.add(metric.describe(value));
            }
        }
        return shown;
    }

    @Override
    public String toString() {
        return describe().toString();
    }
}
