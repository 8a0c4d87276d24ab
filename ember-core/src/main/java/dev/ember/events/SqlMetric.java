package dev.ember.events;

import java.util.Locale;

/**
 * One figure of a plan node as a SQL execution measured it: Spark's name for it ({@code number of
 * output rows}), the short label EXPLAIN ANALYZE prints ({@code rows}), its unit and value.
 *
 * @param inline whether EXPLAIN ANALYZE prints it on the node's line (the REST API gives them all)
 */
public record SqlMetric(String name, String label, Unit unit, long value, boolean inline) {

    /** How a value reads: a count, a size in bytes, or a duration in nanoseconds. */
    public enum Unit { COUNT, BYTES, NANOS }

    /** The value as people read it: {@code 1,234}, {@code 3.2 MiB}, {@code 12 ms}. */
    public String formatted() {
        return switch (unit) {
            case COUNT -> String.format(Locale.ROOT, "%,d", value);
            case BYTES -> bytes(value);
            case NANOS -> duration(value);
        };
    }

    /** {@code 512 B}, {@code 3.2 MiB}: binary units, one decimal. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, unit), "KMGTPE".charAt(unit - 1));
    }

    private static String duration(long nanos) {
        double millis = nanos / 1e6;
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return millis < 10_000 ? String.format(Locale.ROOT, "%d ms", Math.round(millis)) : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
}
