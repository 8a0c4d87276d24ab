package dev.ember.conformance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The common form both engines' values are brought to before comparison, and how values are
 * compared and printed.
 *
 * <p>Normalized values are {@code null}, Boolean, Byte, Short, Integer, Long, Float, Double,
 * String, BigDecimal, LocalDate, Instant, LocalDateTime, byte[], {@code List<Object>} (arrays, and
 * structs as the list of their fields) and {@code Map<Object, Object>}. The runners convert their
 * engine's containers (Scala collections, rows) into these.
 */
final class Values {
    /** Doubles (and floats) match when within this distance relative to the larger magnitude. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private Values() {
    }

    /**
     * Equality for comparison: doubles within {@link #RELATIVE_TOLERANCE} (NaN equals NaN, infinities
     * equal only themselves), decimals by {@code compareTo} (so 1.50 equals 1.5), binary by content,
     * lists elementwise, maps by key, everything else by {@code equals} (so an Integer never equals
     * a Long).
     */
    static boolean matches(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Double e && actual instanceof Double a) {
            return closeEnough(e, a);
        }
        if (expected instanceof Float e && actual instanceof Float a) {
            return closeEnough(e, a);
        }
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            return e.compareTo(a) == 0;
        }
        if (expected instanceof byte[] e && actual instanceof byte[] a) {
            return Arrays.equals(e, a);
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            return rowsMatch(e, a);
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return e.size() == a.size() && e.entrySet().stream()
                    .allMatch(entry -> a.containsKey(entry.getKey()) && matches(entry.getValue(), a.get(entry.getKey())));
        }
        return expected.equals(actual);
    }

    static boolean rowsMatch(List<?> expected, List<?> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!matches(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean closeEnough(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    /**
     * A total order on normalized values, used only to line up two multisets of rows before they
     * are compared: nulls first, then by kind, then by value.
     */
    static int order(Object left, Object right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        int byKind = kind(left).compareTo(kind(right));
        if (byKind != 0) {
            return byKind;
        }
        if (left instanceof Double l) {
            return Double.compare(l, (Double) right);
        }
        if (left instanceof Float l) {
            return Float.compare(l, (Float) right);
        }
        if (left instanceof List<?> l) {
            return orderRows(l, (List<?>) right);
        }
        if (left instanceof byte[] l) {
            return Arrays.compare(l, (byte[]) right);
        }
        if (left instanceof Map<?, ?>) {
            return format(left).compareTo(format(right));
        }
        if (left instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) left;
            return comparable.compareTo(right);
        }
        return format(left).compareTo(format(right));
    }

    static int orderRows(List<?> left, List<?> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byValue = order(left.get(i), right.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static String kind(Object value) {
        return value instanceof List<?> ? "List" : value instanceof Map<?, ?> ? "Map" : value.getClass().getSimpleName();
    }

    /**
     * A value as a failure message shows it: strings in single quotes (so that blanks show),
     * NULL, decimals in plain notation, binary in hex, arrays in brackets.
     */
    static String format(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString() + "BD";
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Double d) {
            return d + "D";
        }
        if (value instanceof byte[] bytes) {
            return "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::format).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> format(e.getKey()) + " -> " + format(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof LocalDate || value instanceof Instant || value instanceof LocalDateTime) {
            return value.getClass().getSimpleName() + " " + value;
        }
        return Objects.toString(value);
    }

    static String formatRow(List<Object> row) {
        return format(row);
    }

    /** Copies a map, normalizing keys and values with {@code normalize}. */
    static Map<Object, Object> normalizeMap(Map<?, ?> map, UnaryOperator<Object> normalize) {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(normalize.apply(key), normalize.apply(value)));
        return out;
    }

    static List<Object> normalizeList(Iterable<?> values, UnaryOperator<Object> normalize) {
        List<Object> out = new ArrayList<>();
        values.forEach(value -> out.add(normalize.apply(value)));
        return out;
    }
}
