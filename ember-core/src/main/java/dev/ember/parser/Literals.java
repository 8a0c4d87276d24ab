package dev.ember.parser;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Casts;
import dev.ember.expr.Expression;
import dev.ember.expr.IntervalLiteral;
import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedTimestampLiteral;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns literal tokens into {@link Literal}s with Spark's types. */
final class Literals {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** What Spark's date parser accepts: {@code yyyy}, {@code yyyy-[m]m}, {@code yyyy-[m]m-[d]d}, then a time after space or T. */
    private static final Pattern DATE = Pattern.compile("\\s*([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[ T].*)?)?)?\\s*", Pattern.DOTALL);

    private Literals() {
    }

    /**
     * A numeric literal. The minus sign is part of the literal when it stands right before the
     * number, as in Spark, so that {@code -2147483648} is an int and {@code -9223372036854775808L} a bigint.
     *
     * <ul>
     *   <li>{@code 1}: int, or bigint when it does not fit, or decimal when it does not fit a bigint;
     *   <li>{@code 1L} bigint, {@code 1S} smallint, {@code 1Y} tinyint (an error when out of range);
     *   <li>{@code 1.5}: decimal(2,1); {@code 1.5BD}: decimal too;
     *   <li>{@code 1.5D} and {@code 1e3}: double; {@code 1.5F}: float.
     * </ul>
     */
    static Literal number(TokenCursor cursor, Token token, boolean negative) {
        String text = token.text().toLowerCase(Locale.ROOT);
        String sign = negative ? "-" : "";
        try {
            if (text.endsWith("bd")) {
                return decimal(cursor, token, new BigDecimal(sign + text.substring(0, text.length() - 2)));
            }
            char suffix = text.charAt(text.length() - 1);
            String body = sign + text.substring(0, text.length() - 1);
            return switch (suffix) {
                case 'l' -> integral(cursor, token, new BigInteger(body), LONG_MIN, LONG_MAX, AtomicType.LONG);
                case 's' -> integral(cursor, token, new BigInteger(body),
                        BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE), AtomicType.SHORT);
                case 'y' -> integral(cursor, token, new BigInteger(body),
                        BigInteger.valueOf(Byte.MIN_VALUE), BigInteger.valueOf(Byte.MAX_VALUE), AtomicType.BYTE);
                case 'd' -> floating(cursor, token, Double.parseDouble(body), AtomicType.DOUBLE);
                case 'f' -> floating(cursor, token, Float.parseFloat(body), AtomicType.FLOAT);
                default -> unsuffixed(cursor, token, sign + text);
            };
        } catch (NumberFormatException e) {
            throw cursor.syntaxError(token, ": invalid number");
        }
    }

    private static Literal unsuffixed(TokenCursor cursor, Token token, String text) {
        if (text.contains("e")) {
            return floating(cursor, token, Double.parseDouble(text), AtomicType.DOUBLE);
        }
        if (text.contains(".")) {
            return decimal(cursor, token, new BigDecimal(text));
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
            return new Literal(value.intValue(), AtomicType.INT);
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return new Literal(value.longValue(), AtomicType.LONG);
        }
        return decimal(cursor, token, new BigDecimal(value));
    }

    private static Literal integral(TokenCursor cursor, Token token, BigInteger value, BigInteger min, BigInteger max,
            AtomicType type) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw outOfRange(cursor, token, value.toString(), type);
        }
        Object boxed = switch (type) {
            case BYTE -> value.byteValue();
            case SHORT -> value.shortValue();
            default -> value.longValue();
        };
        return new Literal(boxed, type);
    }

    private static Literal floating(TokenCursor cursor, Token token, double value, AtomicType type) {
        if (Double.isInfinite(value)) {
            throw outOfRange(cursor, token, cursor.describe(token), type);
        }
        return new Literal(type == AtomicType.FLOAT ? (Object) (float) value : (Object) value, type);
    }

    /** Spark's decimal literal type: as many digits as written, no negative scale ({@code 1E3BD} is decimal(4,0)). */
    private static Literal decimal(TokenCursor cursor, Token token, BigDecimal value) {
        BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
        int precision = Math.max(normalized.precision(), normalized.scale());
        if (precision > DecimalType.MAX_PRECISION) {
            throw outOfRange(cursor, token, normalized.toPlainString(), new DecimalType(DecimalType.MAX_PRECISION, 0));
        }
        return new Literal(normalized, new DecimalType(precision, normalized.scale()));
    }

    private static EmberException outOfRange(TokenCursor cursor, Token token, String value, DataType type) {
        return EmberException.of(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE, "value", value,
                "type", type.simpleString().toUpperCase(Locale.ROOT)).at(cursor.position(token));
    }

    /** {@code DATE '2024-01-31'}; Spark also accepts {@code 2024}, {@code 2024-1} and a trailing time. */
    static Literal date(TokenCursor cursor, Token keyword, String text) {
        Matcher matcher = DATE.matcher(text);
        if (matcher.matches()) {
            try {
                int year = Integer.parseInt(matcher.group(1));
                int month = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
                int day = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
                return new Literal(LocalDate.of(year, month, day), AtomicType.DATE);
            } catch (DateTimeException e) {
                // reported below like any other malformed date
            }
        }
        throw EmberException.of(ErrorClass.CAST_INVALID_INPUT, "expression", "'" + text + "'",
                "sourceType", "\"STRING\"", "targetType", "\"DATE\"").at(cursor.position(keyword));
    }

    /**
     * {@code TIMESTAMP '2024-01-02 03:04:05'} (also {@code TIMESTAMP_LTZ}): any form
     * {@code CAST(s AS TIMESTAMP)} reads. Checked now; the analyzer reads it in the session's zone.
     */
    static Expression timestamp(TokenCursor cursor, Token keyword, String text) {
        if (Casts.parseTimestamp(text, ZoneOffset.UTC).isEmpty()) {
            throw EmberException.of(ErrorClass.INVALID_TYPED_LITERAL, "valueType", "\"TIMESTAMP\"", "value", "'" + text + "'")
                    .at(cursor.position(keyword));
        }
        return new UnresolvedTimestampLiteral(text);
    }

    private static final Pattern YEAR_TO_MONTH = Pattern.compile("([+-])?(\\d+)-(\\d+)");
    private static final Pattern DAY_TO_SECOND = Pattern.compile("([+-])?(\\d+) (\\d+):(\\d+):(\\d+(?:\\.\\d{1,9})?)");
    private static final long MICROS_PER_SECOND = 1_000_000L;

    /**
     * {@code INTERVAL '90' DAY}, {@code INTERVAL 3 MONTHS}, {@code INTERVAL '1-6' YEAR TO MONTH},
     * {@code INTERVAL '1 02:03:04' DAY TO SECOND}: the amount the value and unit name.
     */
    static IntervalLiteral interval(TokenCursor cursor, Token at, String value, boolean negative, String unit, String endUnit) {
        String from = singular(unit);
        String text = value.trim();
        String sign = negative ? "-" : "";
        try {
            if (endUnit == null) {
                BigDecimal amount = new BigDecimal(text);
                amount = negative ? amount.negate() : amount;
                String display = "INTERVAL '" + sign + text + "' " + from;
                return switch (from) {
                    case "YEAR" -> new IntervalLiteral(Math.multiplyExact(amount.intValueExact(), 12), 0, 0, display);
                    case "MONTH" -> new IntervalLiteral(amount.intValueExact(), 0, 0, display);
                    case "WEEK" -> new IntervalLiteral(0, Math.multiplyExact(amount.intValueExact(), 7), 0, display);
                    case "DAY" -> new IntervalLiteral(0, amount.intValueExact(), 0, display);
                    case "HOUR" -> new IntervalLiteral(0, 0, Math.multiplyExact(amount.longValueExact(), 3600 * MICROS_PER_SECOND), display);
                    case "MINUTE" -> new IntervalLiteral(0, 0, Math.multiplyExact(amount.longValueExact(), 60 * MICROS_PER_SECOND), display);
                    case "SECOND" -> new IntervalLiteral(0, 0, amount.movePointRight(6).longValueExact(), display);
                    default -> throw cursor.syntaxError(at, ": unknown interval unit " + unit);
                };
            }
            String to = singular(endUnit);
            String display = "INTERVAL '" + sign + text + "' " + from + " TO " + to;
            if (from.equals("YEAR") && to.equals("MONTH")) {
                Matcher m = YEAR_TO_MONTH.matcher(text);
                if (m.matches()) {
                    int months = Math.addExact(Math.multiplyExact(Integer.parseInt(m.group(2)), 12), Integer.parseInt(m.group(3)));
                    return new IntervalLiteral(negative != "-".equals(m.group(1)) ? -months : months, 0, 0, display);
                }
            } else if (from.equals("DAY") && to.equals("SECOND")) {
                Matcher m = DAY_TO_SECOND.matcher(text);
                if (m.matches()) {
                    long micros = new BigDecimal(m.group(5)).movePointRight(6).longValueExact()
                            + (Long.parseLong(m.group(3)) * 3600 + Long.parseLong(m.group(4)) * 60) * MICROS_PER_SECOND;
                    boolean minus = negative != "-".equals(m.group(1));
                    int days = Integer.parseInt(m.group(2));
                    return new IntervalLiteral(0, minus ? -days : days, minus ? -micros : micros, display);
                }
            } else {
                throw cursor.unsupported(at, "INTERVAL ... " + from + " TO " + to);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw cursor.syntaxError(at, ": cannot read the interval value '" + text + "' as " + from + (endUnit == null ? "" : " TO " + singular(endUnit)));
    }

    private static String singular(String unit) {
        String upper = unit.toUpperCase(Locale.ROOT);
        return upper.endsWith("S") ? upper.substring(0, upper.length() - 1) : upper;
    }
}
