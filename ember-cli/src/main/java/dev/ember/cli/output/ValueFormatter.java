package dev.ember.cli.output;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders one value as the string Spark would print for it.
 *
 * <ul>
 *   <li>{@link Style#SHOW} is what {@code Dataset.show()} prints (Spark's {@code ToPrettyString}):
 *       {@code NULL} for nulls at any depth, binary as upper-case hex bytes {@code [68 65]}.</li>
 *   <li>{@link Style#CAST} is {@code CAST(x AS STRING)}: a null value stays {@code null} (the caller
 *       decides how to write it), nulls inside arrays and structs print as {@code null}, binary is
 *       decoded as UTF-8.</li>
 * </ul>
 *
 * <p>Both styles agree on everything else: integers and booleans as Java prints them, floating
 * point as {@link Double#toString}/{@link Float#toString} ({@code 1.0E10}, {@code NaN}), decimals
 * in plain notation with the type's scale ({@code 1.50}, {@code 0.0000000000}), dates as ISO
 * {@code 2024-01-02}, timestamps as {@code 2024-01-02 03:04:05.12} in the session time zone with
 * the fraction (up to microseconds) stripped of trailing zeros, arrays as {@code [1, 2]}, structs as
 * {@code {1, a}}, maps as {@code {k -> v}}. These were checked against Spark 4.2's output.
 */
public final class ValueFormatter {
    /** Which of Spark's two renderings to produce. */
    public enum Style { SHOW, CAST }

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .toFormatter();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Style style;
    private final ZoneId timeZone;

    public ValueFormatter(Style style, ZoneId timeZone) {
        this.style = requireNonNull(style, "style is null");
        this.timeZone = requireNonNull(timeZone, "timeZone is null");
    }

    /**
     * The string for {@code value}, a value of {@code type} (or {@code null} when the type is not
     * known, in which case the value's class decides). In {@link Style#CAST} a null value yields
     * {@code null}; in {@link Style#SHOW} it yields {@code "NULL"}.
     */
    public String format(Object value, DataType type) {
        if (value == null) {
            return style == Style.SHOW ? "NULL" : null;
        }
        StringBuilder out = new StringBuilder();
        append(out, value, type);
        return out.toString();
    }

    private void append(StringBuilder out, Object value, DataType type) {
        if (value == null) {
            out.append(style == Style.SHOW ? "NULL" : "null");
        } else if (value instanceof List<?> list) {
            appendArray(out, list, type instanceof ArrayType array ? array.elementType() : null);
        } else if (value instanceof Row row) {
            appendStruct(out, row, type instanceof StructType struct ? struct : row.schema());
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map);
        } else if (value instanceof byte[] bytes) {
            appendBinary(out, bytes);
        } else {
            out.append(atomic(value, type));
        }
    }

    /** A scalar: numbers, booleans, strings, dates and timestamps render the same in both styles. */
    static String atomic(Object value, DataType type, ZoneId timeZone) {
        if (value instanceof Number number) {
            if (type == AtomicType.FLOAT) {
                return Float.toString(number.floatValue());
            }
            if (type == AtomicType.DOUBLE) {
                return Double.toString(number.doubleValue());
            }
            if (value instanceof BigDecimal decimal) {
                return withTypeScale(decimal, type).toPlainString();
            }
            return value.toString();
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(instant, timeZone));
        }
        if (value instanceof LocalDateTime timestampWithoutZone) {
            return TIMESTAMP.format(timestampWithoutZone);
        }
        return value.toString();
    }

    /** Spark's decimals always carry their type's scale: {@code 1.5} of {@code decimal(3,2)} is {@code 1.50}. */
    static BigDecimal withTypeScale(BigDecimal decimal, DataType type) {
        if (type instanceof DecimalType decimalType && decimal.scale() != decimalType.scale()) {
            return decimal.setScale(decimalType.scale(), RoundingMode.HALF_UP);
        }
        return decimal;
    }

    private String atomic(Object value, DataType type) {
        return atomic(value, type, timeZone);
    }

    private void appendArray(StringBuilder out, List<?> list, DataType elementType) {
        out.append('[');
        for (Iterator<?> elements = list.iterator(); elements.hasNext(); ) {
            append(out, elements.next(), elementType);
            if (elements.hasNext()) {
                out.append(", ");
            }
        }
        out.append(']');
    }

    private void appendStruct(StringBuilder out, Row row, StructType struct) {
        out.append('{');
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            DataType fieldType = struct != null && i < struct.size() ? struct.field(i).dataType() : null;
            append(out, row.get(i), fieldType);
        }
        out.append('}');
    }

    private void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, entry.getKey(), null);
            out.append(" -> ");
            append(out, entry.getValue(), null);
        }
        out.append('}');
    }

    private void appendBinary(StringBuilder out, byte[] bytes) {
        if (style == Style.CAST) {
            out.append(new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        out.append('[');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        out.append(']');
    }
}
