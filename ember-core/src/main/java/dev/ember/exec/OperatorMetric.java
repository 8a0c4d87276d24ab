package dev.ember.exec;

import dev.ember.events.SqlMetric;
import dev.ember.events.SqlMetric.Unit;

/**
 * What each operator of a task counts (Spark's SQL metrics): {@link TaskOperatorMetrics} keeps one
 * long per metric and operator. Times are exclusive: an operator's own work, its inputs' left out.
 */
public enum OperatorMetric {
    OUTPUT_ROWS("number of output rows", "rows", Unit.COUNT, true),
    OUTPUT_BATCHES("number of output batches", "batches", Unit.COUNT, false),
    TIME("time", "time", Unit.NANOS, true),
    FILES_READ("number of files read", "files", Unit.COUNT, true),
    BYTES_READ("size of files read", "input", Unit.BYTES, true),
    SHUFFLE_RECORDS_READ("records read", "shuffleRows", Unit.COUNT, false),
    SHUFFLE_BYTES_READ("shuffle bytes read", "shuffleRead", Unit.BYTES, true),
    SHUFFLE_RECORDS_WRITTEN("shuffle records written", "written", Unit.COUNT, true),
    SHUFFLE_BYTES_WRITTEN("shuffle bytes written", "shuffleWrite", Unit.BYTES, true),
    BUILD_ROWS("number of build rows", "buildRows", Unit.COUNT, true),
    SPILL_SIZE("spill size", "spill", Unit.BYTES, true),
    SPILLS("number of spills", "spills", Unit.COUNT, true),
    /** The most memory the operator held at once in one task: tasks are combined by maximum, not sum. */
    PEAK_MEMORY("peak memory", "peak", Unit.BYTES, true);

    static final OperatorMetric[] ALL = values();

    private final String sparkName;
    private final String label;
    private final Unit unit;
    private final boolean inline;

    OperatorMetric(String sparkName, String label, Unit unit, boolean inline) {
        this.sparkName = sparkName;
        this.label = label;
        this.unit = unit;
        this.inline = inline;
    }

    /** Two tasks' (or stages') figures as one. */
    long combine(long a, long b) {
        return this == PEAK_MEMORY ? Math.max(a, b) : a + b;
    }

    SqlMetric describe(long value) {
        return new SqlMetric(sparkName, label, unit, value, inline);
    }
}
