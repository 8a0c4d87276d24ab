package dev.ember.scheduler;

import dev.ember.config.EmberConf;
import java.util.Arrays;

/**
 * Speculative execution, as Spark's {@code spark.speculation.*} settings (here {@code ember.*}, the
 * {@code spark.*} keys being aliases): every {@code interval}, once at least {@code quantile} of a
 * stage's tasks have succeeded, a task whose only attempt has run longer than {@code multiplier}
 * times the median successful duration (and at least {@code minTaskRuntime}) gets a second attempt.
 */
public record Speculation(boolean enabled, long intervalMillis, double multiplier, double quantile, long minTaskRuntimeMillis) {
    public static final String ENABLED = "ember.speculation";
    public static final String INTERVAL = "ember.speculation.interval";
    public static final String MULTIPLIER = "ember.speculation.multiplier";
    public static final String QUANTILE = "ember.speculation.quantile";
    public static final String MIN_TASK_RUNTIME = "ember.speculation.minTaskRuntime";

    /** Spark's defaults, off. */
    public static final Speculation OFF = new Speculation(false, 100, 1.5, 0.75, 100);

    public static Speculation fromConf(EmberConf conf) {
        return new Speculation(conf.booleanValue(ENABLED, false), conf.millisValue(INTERVAL, "100ms"), conf.doubleValue(MULTIPLIER, 1.5),
                conf.doubleValue(QUANTILE, 0.75), conf.millisValue(MIN_TASK_RUNTIME, "100ms"));
    }

    /**
     * How long a task of a stage of {@code tasks} may run before it is speculated, given the
     * durations of those that succeeded; -1 while too few have (Spark: {@code max(floor(quantile * tasks), 1)}).
     */
    public long thresholdMillis(int tasks, long[] successfulMillis) {
        int needed = Math.max((int) Math.floor(quantile * tasks), 1);
        if (!enabled || successfulMillis.length < needed) {
            return -1;
        }
        long[] sorted = successfulMillis.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        return Math.max((long) (multiplier * median), minTaskRuntimeMillis);
    }
}
