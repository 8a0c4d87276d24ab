package dev.ember.config;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's settings. Keys are {@code ember.*}; the {@code spark.*} key with the same suffix is
 * accepted as an alias, so existing Spark configuration carries over.
 */
public final class EmberConf {
    public static final String MASTER = "ember.master";
    public static final String APP_NAME = "ember.app.name";
    public static final String SHUFFLE_PARTITIONS = "ember.sql.shuffle.partitions";
    /** Joins whose build side is estimated at most this many bytes copy it to every task instead of shuffling both sides; -1 turns it off. */
    public static final String AUTO_BROADCAST_JOIN_THRESHOLD = "ember.sql.autoBroadcastJoinThreshold";
    public static final long DEFAULT_BROADCAST_THRESHOLD = 10L << 20;
    /** The zone timestamps are read, printed and taken apart in; the JVM's zone when not set, as in Spark. */
    public static final String SESSION_TIME_ZONE = "ember.sql.session.timeZone";
    /** How many attempts a task gets before its job fails (Spark's {@code spark.task.maxFailures}). */
    public static final String TASK_MAX_FAILURES = "ember.task.maxFailures";
    public static final int DEFAULT_TASK_MAX_FAILURES = 4;
    /** Partitions of RDD operations that name none (Spark's {@code spark.default.parallelism}); the task threads when not set. */
    public static final String DEFAULT_PARALLELISM = "ember.default.parallelism";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*(\\d+))?])?");

    private final Map<String, String> values = new TreeMap<>();

    private static final Pattern BYTES = Pattern.compile("(-?\\d+)\\s*(b|kb?|mb?|gb?|tb?)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)?");

    public EmberConf(Map<String, String> settings) {
        settings.forEach(this::set);
    }

    /** {@code spark.x} becomes {@code ember.x}; other keys are kept as given. */
    public static String canonicalKey(String key) {
        return key.startsWith("spark.") ? "ember." + key.substring("spark.".length()) : key;
    }

    /** Sets a value; a session time zone must name a zone ({@code INVALID_CONF_VALUE} otherwise), as Spark checks. */
    public synchronized void set(String key, String value) {
        String canonical = canonicalKey(key);
        if (canonical.equals(SESSION_TIME_ZONE)) {
            parseZone(key, value);
        }
        values.put(canonical, value);
    }

    /** Removes a value, so that its default applies again (Spark's {@code conf.unset}). */
    public synchronized void unset(String key) {
        values.remove(canonicalKey(key));
    }

    /** {@link #SESSION_TIME_ZONE}: a region ({@code Europe/Paris}), an offset ({@code +05:30}) or a short id ({@code UTC}, {@code PST}). */
    public ZoneId sessionTimeZone() {
        String value = get(SESSION_TIME_ZONE, null);
        return value == null ? ZoneId.systemDefault() : parseZone(SESSION_TIME_ZONE, value);
    }

    private static ZoneId parseZone(String key, String value) {
        try {
            return ZoneId.of(value.trim(), ZoneId.SHORT_IDS);
        } catch (DateTimeException | NullPointerException e) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", key,
                    "detail", "Cannot resolve the given timezone");
        }
    }

    public synchronized String get(String key, String defaultValue) {
        return values.getOrDefault(canonicalKey(key), defaultValue);
    }

    public synchronized Map<String, String> all() {
        return Map.copyOf(values);
    }

    /** The number of task threads the master URL asks for: {@code local} 1, {@code local[N]} N, {@code local[*]} the cores. */
    public int localThreads() {
        String master = get(MASTER, "local[*]");
        Matcher matcher = LOCAL.matcher(master.trim());
        if (!matcher.matches()) {
            throw EmberException.of(ErrorClass.INVALID_MASTER_URL, "url", master,
                    "more", ", or ember://host:port");
        }
        String threads = matcher.group(1);
        if (threads == null) {
            return 1;
        }
        int count = threads.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        if (count < 1) {
            throw EmberException.of(ErrorClass.INVALID_MASTER_URL, "url", master, "more", " (N must be at least 1)");
        }
        return count;
    }

    /**
     * Attempts per task: the F of {@code local[N,F]} when the master gives one, else
     * {@link #TASK_MAX_FAILURES} (default 4).
     */
    public int taskMaxFailures() {
        Matcher matcher = LOCAL.matcher(get(MASTER, "local[*]").trim());
        String fromMaster = matcher.matches() ? matcher.group(2) : null;
        String value = fromMaster != null ? fromMaster : get(TASK_MAX_FAILURES, String.valueOf(DEFAULT_TASK_MAX_FAILURES));
        try {
            int attempts = Integer.parseInt(value.trim());
            if (attempts >= 1) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", TASK_MAX_FAILURES,
                "detail", "must be a whole number of at least 1");
    }

    /** A size in bytes as Spark writes them: {@code 10485760}, {@code 10m}, {@code 10MB}, {@code 1g}, {@code -1}. */
    public long bytesValue(String key, long defaultValue) {
        String value = get(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return parseBytes(value);
        } catch (IllegalArgumentException e) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", key,
                    "detail", "expected a size in bytes such as 10485760, 10m or 1g");
        }
    }

    /** {@code 10485760}, {@code 10m}, {@code 10MB}, {@code 1g} in bytes; IllegalArgumentException for anything else. */
    public static long parseBytes(String value) {
        Matcher matcher = BYTES.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size in bytes: " + value);
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        int shift = unit == null || unit.isEmpty() || unit.equals("b") ? 0
                : switch (unit.charAt(0)) {
                    case 'k' -> 10;
                    case 'm' -> 20;
                    case 'g' -> 30;
                    default -> 40;
                };
        return number << shift;
    }

    /** A duration in milliseconds as Spark writes them ({@code 100ms}, {@code 1s}, {@code 2min}); a bare number is milliseconds. */
    public long millisValue(String key, String defaultValue) {
        String value = get(key, defaultValue).trim().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(value);
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

    /** {@code true} or {@code false}, in any case. */
    public boolean booleanValue(String key, boolean defaultValue) {
        String value = get(key, null);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", key, "detail", "expected true or false");
        };
    }

    public double doubleValue(String key, double defaultValue) {
        String value = get(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", key, "detail", "expected a number");
        }
    }

    public int intValue(String key, int defaultValue) {
        String value = get(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", key, "detail", "expected an integer");
        }
    }
}
