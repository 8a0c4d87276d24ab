package dev.ember.scheduler;

import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.util.Arrays;
import java.util.Locale;

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
        return new Speculation(conf.booleanValue(ENABLED, false), millis(conf, INTERVAL, "100ms"), conf.doubleValue(MULTIPLIER, 1.5),
                conf.doubleValue(QUANTILE, 0.75), millis(conf, MIN_TASK_RUNTIME, "100ms"));
    }

    /** A duration as Spark writes them ({@code 100ms}, {@code 1s}, {@code 2min}); a bare number is milliseconds. */
    static long millis(EmberConf conf, String key, String defaultValue) {
        String value = conf.get(key, defaultValue).trim().toLowerCase(Locale.ROOT);
        var matcher = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)?").matcher(value);
        if (!matcher.matches()) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", key,
                    "detail", "a duration such as 100ms, 1s or 2min is expected");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m", "min" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 86_400_000;
        };
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
