package dev.ember.io.csv;

import java.util.Locale;

/** What a read does with a malformed record: Spark's {@code mode} option. */
public enum ParseMode {
    /** Keep the record; values that do not parse become null, the raw record goes to the corrupt-record column. */
    PERMISSIVE,
    /** Skip the record. */
    DROPMALFORMED,
    /** Fail the read, naming the file and line. */
    FAILFAST;

    /** The mode named by the option, case-insensitively; unknown names mean PERMISSIVE, as in Spark. */
    public static ParseMode fromOption(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "DROPMALFORMED" -> DROPMALFORMED;
            case "FAILFAST" -> FAILFAST;
            default -> PERMISSIVE;
        };
    }
}
