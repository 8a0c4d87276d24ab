package dev.ember.cli.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code ember sql} prints query results. */
public enum OutputFormat {
    /** The grid Spark's {@code Dataset.show(numRows, truncate = false)} prints. */
    TABLE,
    /** A header line, then one RFC 4180 record per row. */
    CSV,
    /** One JSON object per row, as Spark's {@code Dataset.toJSON}. */
    JSON;

    /** The format named {@code name}, ignoring case; throws with the valid names otherwise. */
    public static OutputFormat fromName(String name) {
        for (OutputFormat format : values()) {
            if (format.displayName().equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown output format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(OutputFormat::displayName).collect(Collectors.joining(", ")));
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
