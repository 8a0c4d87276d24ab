package dev.ember.source;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Case-insensitive string options, as Spark's data source options are. */
public class Options implements Serializable {
    private static final long serialVersionUID = 1L;
    private final TreeMap<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Options(Map<String, String> values) {
        this.values.putAll(values);
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`" + key + "`",
                    "function", "the data source options", "detail", "expected true or false but got '" + value + "'");
        };
    }

    /** A single-character option such as {@code sep} or {@code quote}. */
    public char getChar(String key, char defaultValue) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        String unescaped = value.equals("\\t") ? "\t" : value;
        if (unescaped.length() != 1) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`" + key + "`",
                    "function", "the data source options", "detail", "expected a single character but got '" + value + "'");
        }
        return unescaped.charAt(0);
    }

    /** A time zone option such as {@code timeZone}: a region, an offset or {@code UTC}; the JVM's zone when not set. */
    public ZoneId getZone(String key) {
        String id = values.get(key);
        if (id == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(id.equalsIgnoreCase("UTC") || id.equalsIgnoreCase("Z") ? "Z" : id);
        } catch (DateTimeException e) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`" + key + "`",
                    "function", "the data source options", "detail", "unknown time zone '" + id + "'");
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
