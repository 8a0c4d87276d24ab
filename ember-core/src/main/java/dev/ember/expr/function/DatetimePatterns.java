package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Spark's datetime patterns ({@code yyyy-MM-dd HH:mm:ss}) as formatters. The common letters mean the
 * same in java.time; fields a pattern leaves out default to the start of the year, month or day, as
 * in Spark ({@code to_date('2024', 'yyyy')} is 2024-01-01).
 */
final class DatetimePatterns {
    private DatetimePatterns() {
    }

    static DateTimeFormatter formatter(String pattern) {
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                    .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                    .toFormatter(Locale.US);
        } catch (IllegalArgumentException e) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`format`", "function", "datetime",
                    "detail", "invalid datetime pattern '" + pattern + "': " + e.getMessage());
        }
    }
}
