package dev.ember.io.s3;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code fs.s3a.*} settings as they apply to one bucket: {@code fs.s3a.bucket.<bucket>.<name>}
 * wins over {@code fs.s3a.<name>}, as in Hadoop's s3a connector.
 */
record BucketSettings(Map<String, String> settings, String bucket) {
    private static final String PREFIX = "fs.s3a.";

    String get(String name) {
        String perBucket = settings.get(PREFIX + "bucket." + bucket + "." + name);
        String value = perBucket != null ? perBucket : settings.get(PREFIX + name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String get(String name, String defaultValue) {
        String value = get(name);
        return value == null ? defaultValue : value;
    }

    boolean flag(String name, boolean defaultValue) {
        String value = get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, value, "expected true or false");
        };
    }

    int integer(String name, int defaultValue) {
        String value = get(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "expected an integer");
        }
    }

    /** A size in bytes, with an optional K, M, G or T suffix (powers of 1024), as s3a reads {@code 64M}. */
    long bytes(String name, long defaultValue) {
        String value = get(name);
        if (value == null) {
            return defaultValue;
        }
        String digits = value.toUpperCase(Locale.ROOT);
        int shift = switch (digits.charAt(digits.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        if (shift > 0) {
            digits = digits.substring(0, digits.length() - 1);
        }
        try {
            return Long.parseLong(digits.trim()) << shift;
        } catch (NumberFormatException e) {
            throw invalid(name, value, "expected a size such as 65536, 64K or 64M");
        }
    }

    /** A duration: milliseconds, or a number with a unit {@code ms}, {@code s}, {@code m} or {@code h}, as s3a reads {@code 30s}. */
    Duration duration(String name, Duration defaultValue) {
        String value = get(name);
        if (value == null) {
            return defaultValue;
        }
        String text = value.toLowerCase(Locale.ROOT);
        String[] units = {"ms", "s", "m", "h"};
        long[] millis = {1, 1000, 60_000, 3_600_000};
        for (int i = 0; i < units.length; i++) {
            if (text.endsWith(units[i])) { // "ms" is tried before "s"
                return Duration.ofMillis(parseLong(name, value, text.substring(0, text.length() - units[i].length())) * millis[i]);
            }
        }
        return Duration.ofMillis(parseLong(name, value, text));
    }

    private long parseLong(String name, String value, String digits) {
        try {
            return Long.parseLong(digits.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, value, "expected a duration such as 5000, 5s or 1m");
        }
    }

    private static EmberException invalid(String name, String value, String detail) {
        return EmberException.of(ErrorClass.INVALID_CONF_VALUE, "value", value, "key", PREFIX + name, "detail", detail);
    }
}
