package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.MapVector;
import dev.ember.vector.StructVector;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spark 4's {@code CAST} with ANSI semantics ({@code spark.sql.ansi.enabled=true}, the default)
 * over whole column vectors.
 *
 * <p>Conversions (source down, target across; {@code x} = converted, {@code -} = rejected by
 * {@link #canCast}, {@code u} = Spark allows it but Ember has no vector for the type yet):
 * <pre>
 *             BOOLEAN INT LONG DOUBLE DECIMAL STRING BINARY DATE TIMESTAMP ARRAY
 *   NULL         x     x   x     x       x      x      x     x      x       x    (all NULL)
 *   BOOLEAN      =     x   x     x       x      x      -     -      -       -
 *   INT          x     =   x     x       x      x      -     -      x       -
 *   LONG         x     x   =     x       x      x      -     -      x       -
 *   DOUBLE       x     x   x     =       x      x      -     -      x       -
 *   DECIMAL      x     x   x     x       x      x      -     -      x       -
 *   STRING       x     x   x     x       x      =      x     x      x       -
 *   BINARY       -     -   -     -       -      x      =     -      -       -
 *   DATE         -     -   -     -       -      x      -     =      x       -
 *   TIMESTAMP    -     x   x     x       x      x      -     x      =       -
 *   ARRAY        -     -   -     -       -      x      -     -      -    elementwise
 * </pre>
 * TINYINT and SMALLINT live in {@link IntVector}s: as sources they convert like INT; as targets
 * they go through BIGINT and must fit ({@link #toSmallIntegral}). FLOAT lives in {@link DoubleVector}s:
 * as a source it converts like DOUBLE (and prints as {@link Float#toString}); as a target it goes
 * through DOUBLE and is rounded. STRUCT follows Spark in {@link #canCast} but has no conversion yet.
 *
 * <p>Errors, as Spark raises them under ANSI:
 * <ul>
 *   <li>{@code CAST_OVERFLOW} when a value does not fit an integral target: {@code 2147483648L},
 *       {@code 1.0E10D}, {@code NaN}, {@code 1.50BD}, {@code TIMESTAMP '...'}; double and decimal
 *       truncate toward zero first.
 *   <li>{@code NUMERIC_VALUE_OUT_OF_RANGE} (via {@link Decimals#fit}) when a value rounded half-up to
 *       a decimal's scale needs more integral digits than it has (Spark names this
 *       {@code NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION}).
 *   <li>{@code CAST_INVALID_INPUT} when a string is malformed for the target, and for NaN or
 *       infinity cast to timestamp.
 * </ul>
 *
 * <p>Spark behaviours kept on purpose, though surprising:
 * <ul>
 *   <li>NaN and infinity cast to DECIMAL give NULL, not an error, even under ANSI.
 *   <li>A double of exactly 2^63 ({@code 9.223372036854775807E18}) casts to BIGINT as
 *       {@code Long.MAX_VALUE}: Spark's range check compares against {@code Long.MAX_VALUE} as a
 *       double, which is 2^63, and the Java conversion saturates.
 *   <li>INT/BIGINT seconds to TIMESTAMP saturate instead of overflowing; DECIMAL seconds to
 *       TIMESTAMP wrap around like {@link BigDecimal#longValue()}.
 *   <li>String to DOUBLE uses {@link Double#parseDouble}, so {@code 1.5d}, {@code 2f} and hex
 *       floats such as {@code 0x1p3} are accepted, as in Spark; {@code inf}, {@code -infinity},
 *       {@code nan} are accepted in any case.
 *   <li>String to INT/BIGINT accepts only {@code [+-]digits} after trimming: no fraction
 *       ({@code 1.5} and {@code 1.0} are malformed), no exponent; out of range is malformed too.
 * </ul>
 *
 * <p>String forms match Spark's {@code CAST(x AS STRING)}: doubles as Java's
 * {@link Double#toString(double)} ({@code 1.0}, {@code 1.0E10}, {@code 1.2345678E7}, {@code NaN},
 * {@code Infinity}, {@code -0.0}), which is what Spark calls too. That text depends on the JDK:
 * JDK 19 and later print the shortest representation ({@code 2.0E23}) where JDK 17 prints
 * {@code 1.9999999999999998E23}, so Ember and Spark agree when they run on the same JDK. Decimals
 * print plain at their scale ({@code 1.50}, never {@code 1E+3}), as Spark does under ANSI.
 *
 * <p>Time zone: conversions between strings, dates and timestamps ({@link #needsTimeZone}) use the
 * zone given to {@link #cast(ColumnVector, DataType, Expression, ZoneId)}, which {@link Cast} takes
 * from the session; {@link #cast(ColumnVector, DataType, Expression)} uses UTC.
 */
public final class Casts {
    /** The zone of {@link #cast(ColumnVector, DataType, Expression)}, for conversions that need none. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneOffset.UTC;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long MICROS_PER_DAY = SECONDS_PER_DAY * MICROS_PER_SECOND;
    /** 2^63, which is also what {@code (double) Long.MAX_VALUE} rounds to. */
    private static final double TWO_TO_63 = 0x1p63;
    /** Every integer up to 2^53 in magnitude is exactly a double. */
    private static final long MAX_EXACT_DOUBLE_INTEGER = 1L << 53;

    private Casts() {
    }

    // ------------------------------------------------------------------------------------------
    // Entry points
    // ------------------------------------------------------------------------------------------

    /**
     * {@code value} converted to {@code target}, row by row; NULL stays NULL. {@code source} is the
     * expression cast, for error messages only. Times use {@link #DEFAULT_TIME_ZONE}.
     *
     * @throws EmberException {@code CAST_OVERFLOW}, {@code CAST_INVALID_INPUT} or
     *         {@code NUMERIC_VALUE_OUT_OF_RANGE} for the first row that cannot be converted
     */
    public static ColumnVector cast(ColumnVector value, DataType target, Expression source) {
        return cast(value, target, source, DEFAULT_TIME_ZONE);
    }

    /** As {@link #cast(ColumnVector, DataType, Expression)}, with the session time zone for dates and timestamps. */
    public static ColumnVector cast(ColumnVector value, DataType target, Expression source, ZoneId zone) {
        requireNonNull(value, "value is null");
        requireNonNull(target, "target is null");
        requireNonNull(zone, "zone is null");
        if (value.type().equals(target)) {
            return value;
        }
        return convert(value, target, source, zone);
    }

    /**
     * Whether the conversion depends on the time zone (Spark's {@code Cast.needsTimeZone}): between
     * strings or dates and timestamps, in either direction, also inside arrays.
     */
    public static boolean needsTimeZone(DataType from, DataType to) {
        if (from instanceof ArrayType fromArray && to instanceof ArrayType toArray) {
            return needsTimeZone(fromArray.elementType(), toArray.elementType());
        }
        if (from instanceof StructType || to instanceof StructType || from instanceof MapType || to instanceof MapType) {
            return true;
        }
        boolean fromText = from == AtomicType.STRING || from == AtomicType.DATE;
        boolean toText = to == AtomicType.STRING || to == AtomicType.DATE;
        return (fromText && to == AtomicType.TIMESTAMP) || (from == AtomicType.TIMESTAMP && toText)
                || (from instanceof ArrayType && to == AtomicType.STRING);
    }

    /**
     * Epoch microseconds of a timestamp string as {@code CAST(s AS TIMESTAMP)} reads it, in
     * {@code zone} unless the text names one; empty when the text is malformed.
     */
    public static OptionalLong parseTimestamp(String text, ZoneId zone) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long[] parsed = new long[1];
        return parseTimestamp(bytes, 0, bytes.length, zone, parsed) ? OptionalLong.of(parsed[0]) : OptionalLong.empty();
    }

    /**
     * Whether Spark allows {@code CAST(from AS to)} at all under ANSI (its {@code canAnsiCast}); the
     * analyzer reports {@code DATATYPE_MISMATCH} with {@link #castMismatchDetail} when it does not.
     */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from == AtomicType.NULL || to == AtomicType.STRING) {
            return true;
        }
        if (from instanceof ArrayType fromArray && to instanceof ArrayType toArray) {
            return canCast(fromArray.elementType(), toArray.elementType())
                    && (!fromArray.containsNull() || toArray.containsNull());
        }
        if (from instanceof MapType fromMap && to instanceof MapType toMap) {
            return canCast(fromMap.keyType(), toMap.keyType()) && canCast(fromMap.valueType(), toMap.valueType())
                    && (!fromMap.valueContainsNull() || toMap.valueContainsNull());
        }
        if (from instanceof StructType fromStruct && to instanceof StructType toStruct) {
            if (fromStruct.size() != toStruct.size()) {
                return false;
            }
            for (int i = 0; i < fromStruct.size(); i++) {
                StructField fromField = fromStruct.field(i);
                StructField toField = toStruct.field(i);
                if (!canCast(fromField.dataType(), toField.dataType()) || (fromField.nullable() && !toField.nullable())) {
                    return false;
                }
            }
            return true;
        }
        if (from == AtomicType.STRING) {
            return to == AtomicType.BINARY || to == AtomicType.BOOLEAN || to == AtomicType.DATE
                    || to == AtomicType.TIMESTAMP || to.isNumeric();
        }
        if (to == AtomicType.BOOLEAN) {
            return from.isNumeric();
        }
        if (to == AtomicType.TIMESTAMP) {
            return from == AtomicType.DATE || from.isNumeric();
        }
        if (to == AtomicType.DATE) {
            return from == AtomicType.TIMESTAMP;
        }
        if (to.isNumeric()) {
            return from.isNumeric() || from == AtomicType.BOOLEAN || from == AtomicType.TIMESTAMP;
        }
        return false;
    }

    /**
     * The {@code <detail>} of Spark's {@code DATATYPE_MISMATCH} for a cast that {@link #canCast}
     * rejects: a function to use instead ({@code CAST_WITH_FUNC_SUGGESTION}), the ANSI switch when
     * the non-ANSI cast would work ({@code CAST_WITH_CONF_SUGGESTION}), or just the two types.
     * Worded after Spark 4's error conditions, without the final period (the template adds it).
     */
    public static String castMismatchDetail(DataType from, DataType to) {
        String source = toSqlType(from);
        String target = toSqlType(to);
        String functions = null;
        if (from.isNumeric() && to == AtomicType.TIMESTAMP) {
            functions = "`TIMESTAMP_SECONDS`/`TIMESTAMP_MILLIS`/`TIMESTAMP_MICROS`";
        } else if (from == AtomicType.TIMESTAMP && to.isNumeric()) {
            functions = "`UNIX_SECONDS`/`UNIX_MILLIS`/`UNIX_MICROS`";
        } else if (from.isNumeric() && to == AtomicType.DATE) {
            functions = "`DATE_FROM_UNIX_DATE`";
        } else if (from == AtomicType.DATE && to.isNumeric()) {
            functions = "`UNIX_DATE`";
        }
        if (functions != null) {
            return "cannot cast " + source + " to " + target + ". To convert values from " + source + " to " + target
                    + ", you can use the functions " + functions + " instead";
        }
        if (canCastWithoutAnsi(from, to)) {
            return "cannot cast " + source + " to " + target + " with ANSI mode on. If you have to cast " + source
                    + " to " + target + ", you can set \"spark.sql.ansi.enabled\" as 'false'";
        }
        return "cannot cast " + source + " to " + target;
    }

    /** Spark's quoted SQL name of a type, as error messages show it: {@code "BIGINT"}, {@code "DECIMAL(10,2)"}, {@code "ARRAY<INT>"}. */
    public static String toSqlType(DataType type) {
        return '"' + sqlName(type) + '"';
    }

    // ------------------------------------------------------------------------------------------
    // String forms, as CAST(x AS STRING) prints them
    // ------------------------------------------------------------------------------------------

    /** {@code 1.0}, {@code 1.0E10}, {@code NaN}, {@code -0.0}: Java's {@link Double#toString(double)}, as Spark uses. */
    public static String toSparkString(double value) {
        return Double.toString(value);
    }

    /** Plain notation at the value's scale: {@code 1.50}, {@code 1000}, never {@code 1E+3}. */
    public static String toSparkString(BigDecimal value) {
        return value.toPlainString();
    }

    /** {@code true} or {@code false}. */
    public static String toSparkString(boolean value) {
        return value ? "true" : "false";
    }

    /** {@code 2024-01-31}; years outside 0000..9999 get a sign ({@code +10000-01-01}, {@code -0001-01-01}). */
    public static String dateToString(int epochDay) {
        Utf8Output out = new Utf8Output(1, 16);
        appendDate(out, epochDay);
        out.endValue();
        return out.value(0);
    }

    /** {@code 2024-01-31 10:00:00} or {@code 2024-01-31 10:00:00.123} in {@code zone}; the fraction drops trailing zeros. */
    public static String timestampToString(long epochMicros, ZoneId zone) {
        Utf8Output out = new Utf8Output(1, 32);
        appendTimestamp(out, epochMicros, zone);
        out.endValue();
        return out.value(0);
    }

    /** The value at {@code position} as {@code CAST(x AS STRING)} gives it, or {@code null} for NULL; arrays as {@code [1, 2, null]}. */
    public static String toSparkString(ColumnVector vector, int position, ZoneId zone) {
        if (vector.isNull(position)) {
            return null;
        }
        Utf8Output out = new Utf8Output(1, 16);
        appendValue(out, vector, position, zone);
        out.endValue();
        return out.value(0);
    }

    // ------------------------------------------------------------------------------------------
    // Dispatch: the one place where a (source, target) pair picks its conversion
    // ------------------------------------------------------------------------------------------

    /** The physical families the dispatch tells apart. */
    private enum Kind { NULL, BOOLEAN, INT, LONG, DOUBLE, DECIMAL, STRING, BINARY, DATE, TIMESTAMP, ARRAY, STRUCT, MAP, NO_VECTOR }

    private static Kind kind(DataType type) {
        if (type instanceof DecimalType) {
            return Kind.DECIMAL;
        }
        if (type instanceof ArrayType) {
            return Kind.ARRAY;
        }
        if (type instanceof StructType) {
            return Kind.STRUCT;
        }
        if (type instanceof MapType) {
            return Kind.MAP;
        }
        if (type instanceof AtomicType atomic) {
            return switch (atomic) {
                case NULL -> Kind.NULL;
                case BOOLEAN -> Kind.BOOLEAN;
                case INT, BYTE, SHORT -> Kind.INT;
                case LONG -> Kind.LONG;
                case DOUBLE, FLOAT -> Kind.DOUBLE;
                case STRING -> Kind.STRING;
                case BINARY -> Kind.BINARY;
                case DATE -> Kind.DATE;
                case TIMESTAMP -> Kind.TIMESTAMP;
            };
        }
        return Kind.NO_VECTOR;
    }

    private static ColumnVector convert(ColumnVector value, DataType to, Expression source, ZoneId zone) {
        DataType from = value.type();
        Kind in = kind(from);
        if (in == Kind.NULL) {
            return allNull(to, value.size());
        }
        if (to == AtomicType.BYTE || to == AtomicType.SHORT) {
            return toSmallIntegral(value, (AtomicType) to, source, zone);
        }
        if (to == AtomicType.FLOAT) {
            return toFloat(value, source, zone);
        }
        ColumnVector result = switch (kind(to)) {
            case BOOLEAN -> switch (in) {
                case INT -> intToBoolean((IntVector) value);
                case LONG -> longToBoolean((LongVector) value);
                case DOUBLE -> doubleToBoolean((DoubleVector) value);
                case DECIMAL -> decimalToBoolean((DecimalVector) value);
                case STRING -> stringToBoolean((StringVector) value);
                default -> null;
            };
            case INT -> switch (in) {
                case INT -> new IntVector(AtomicType.INT, value.size(), ((IntVector) value).values(), value.nulls());
                case BOOLEAN -> booleanToInt((BooleanVector) value);
                case LONG -> longToInt((LongVector) value);
                case DOUBLE -> doubleToInt((DoubleVector) value);
                case DECIMAL -> decimalToInt((DecimalVector) value);
                case STRING -> stringToInt((StringVector) value);
                case TIMESTAMP -> timestampToInt((LongVector) value, zone);
                default -> null;
            };
            case LONG -> switch (in) {
                case BOOLEAN -> booleanToLong((BooleanVector) value);
                case INT -> intToLong((IntVector) value);
                case DOUBLE -> doubleToLong((DoubleVector) value);
                case DECIMAL -> decimalToLong((DecimalVector) value);
                case STRING -> stringToLong((StringVector) value);
                case TIMESTAMP -> timestampToLong((LongVector) value);
                default -> null;
            };
            case DOUBLE -> switch (in) {
                case DOUBLE -> new DoubleVector(value.size(), ((DoubleVector) value).values(), value.nulls());
                case BOOLEAN -> booleanToDouble((BooleanVector) value);
                case INT -> intToDouble((IntVector) value);
                case LONG -> longToDouble((LongVector) value);
                case DECIMAL -> decimalToDouble((DecimalVector) value);
                case STRING -> stringToDouble((StringVector) value);
                case TIMESTAMP -> timestampToDouble((LongVector) value);
                default -> null;
            };
            case DECIMAL -> switch (in) {
                case BOOLEAN -> booleanToDecimal((BooleanVector) value, (DecimalType) to);
                case INT -> intToDecimal((IntVector) value, (DecimalType) to);
                case LONG -> longToDecimal((LongVector) value, (DecimalType) to);
                case DOUBLE -> doubleToDecimal((DoubleVector) value, (DecimalType) to);
                case DECIMAL -> decimalToDecimal((DecimalVector) value, (DecimalType) to);
                case STRING -> stringToDecimal((StringVector) value, (DecimalType) to);
                case TIMESTAMP -> timestampToDecimal((LongVector) value, (DecimalType) to);
                default -> null;
            };
            case STRING -> in == Kind.NO_VECTOR ? null : toStrings(value, zone);
            case BINARY -> in == Kind.STRING ? ((StringVector) value).retype(AtomicType.BINARY) : null;
            case DATE -> switch (in) {
                case STRING -> stringToDate((StringVector) value);
                case TIMESTAMP -> timestampToDate((LongVector) value, zone);
                default -> null;
            };
            case TIMESTAMP -> switch (in) {
                case STRING -> stringToTimestamp((StringVector) value, zone);
                case DATE -> dateToTimestamp((IntVector) value, zone);
                case INT -> secondsToTimestamp(((IntVector) value));
                case LONG -> secondsToTimestamp(((LongVector) value));
                case DOUBLE -> doubleToTimestamp((DoubleVector) value);
                case DECIMAL -> decimalToTimestamp((DecimalVector) value);
                default -> null;
            };
            case ARRAY -> in == Kind.ARRAY ? castArray((ArrayVector) value, (ArrayType) to, source, zone) : null;
            case STRUCT -> in == Kind.STRUCT ? castStruct((StructVector) value, (StructType) to, source, zone) : null;
            case MAP -> in == Kind.MAP ? castMap((MapVector) value, (MapType) to, source, zone) : null;
            default -> null;
        };
        if (result == null) {
            throw cannotConvert(from, to, source);
        }
        return result;
    }

    private static EmberException cannotConvert(DataType from, DataType to, Expression source) {
        String cast = "CAST(" + source + " AS " + sqlName(to) + ") from " + toSqlType(from);
        if (!canCast(from, to)) {
            return EmberException.internal(cast + " should have been rejected by the analyzer.", null);
        }
        return EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", cast);
    }

    // ------------------------------------------------------------------------------------------
    // To BOOLEAN: non-zero is true; strings t/true/y/yes/1 and f/false/n/no/0
    // ------------------------------------------------------------------------------------------

    private static ColumnVector intToBoolean(IntVector vector) {
        int size = vector.size();
        int[] in = vector.values();
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] != 0;
        }
        return new BooleanVector(size, out, vector.nulls());
    }

    private static ColumnVector longToBoolean(LongVector vector) {
        int size = vector.size();
        long[] in = vector.values();
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] != 0;
        }
        return new BooleanVector(size, out, vector.nulls());
    }

    /** NaN is not zero, so it is true, as in Spark. */
    private static ColumnVector doubleToBoolean(DoubleVector vector) {
        int size = vector.size();
        double[] in = vector.values();
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] != 0;
        }
        return new BooleanVector(size, out, vector.nulls());
    }

    private static ColumnVector decimalToBoolean(DecimalVector vector) {
        int size = vector.size();
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            if (!vector.isNull(i)) {
                out[i] = vector.isLong(i) ? vector.unscaled(i) != 0 : vector.get(i).signum() != 0;
            }
        }
        return new BooleanVector(size, out, vector.nulls());
    }

    private static ColumnVector stringToBoolean(StringVector vector) {
        int size = vector.size();
        byte[] bytes = vector.bytes();
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            int parsed = parseBoolean(bytes, vector.start(i), vector.start(i) + vector.length(i));
            if (parsed < 0) {
                throw malformed(vector, i, AtomicType.BOOLEAN);
            }
            out[i] = parsed == 1;
        }
        return new BooleanVector(size, out, vector.nulls());
    }

    /** 1 for a true word, 0 for a false word, -1 otherwise; ASCII case-insensitive after {@link #trimStart trimming}. */
    private static int parseBoolean(byte[] bytes, int from, int to) {
        int start = trimStart(bytes, from, to);
        int end = trimEnd(bytes, start, to);
        switch (end - start) {
            case 1 -> {
                int c = lowerAscii(bytes[start]);
                if (c == 't' || c == 'y' || c == '1') {
                    return 1;
                }
                if (c == 'f' || c == 'n' || c == '0') {
                    return 0;
                }
            }
            case 2 -> {
                if (equalsIgnoreAsciiCase(bytes, start, "no")) {
                    return 0;
                }
            }
            case 3 -> {
                if (equalsIgnoreAsciiCase(bytes, start, "yes")) {
                    return 1;
                }
            }
            case 4 -> {
                if (equalsIgnoreAsciiCase(bytes, start, "true")) {
                    return 1;
                }
            }
            case 5 -> {
                if (equalsIgnoreAsciiCase(bytes, start, "false")) {
                    return 0;
                }
            }
            default -> {
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------
    // To INT and BIGINT: exact, or CAST_OVERFLOW; fractions truncate toward zero
    // ------------------------------------------------------------------------------------------

    private static ColumnVector booleanToInt(BooleanVector vector) {
        int size = vector.size();
        boolean[] in = vector.values();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] ? 1 : 0;
        }
        return new IntVector(AtomicType.INT, size, out, vector.nulls());
    }

    private static ColumnVector longToInt(LongVector vector) {
        int size = vector.size();
        long[] in = vector.values();
        boolean[] nulls = vector.nulls();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            long value = in[i];
            int narrowed = (int) value;
            if (narrowed != value && isPresent(nulls, i)) {
                throw overflow(value + "L", AtomicType.LONG, AtomicType.INT);
            }
            out[i] = narrowed;
        }
        return new IntVector(AtomicType.INT, size, out, nulls);
    }

    /**
     * Spark accepts {@code x} when {@code floor(x) <= Int.MaxValue && ceil(x) >= Int.MinValue}; for
     * doubles that is exactly {@code -2147483649 < x < 2147483648}, which NaN fails.
     */
    private static ColumnVector doubleToInt(DoubleVector vector) {
        int size = vector.size();
        double[] in = vector.values();
        boolean[] nulls = vector.nulls();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            double value = in[i];
            if (!(value > -2147483649.0 && value < 2147483648.0) && isPresent(nulls, i)) {
                throw overflow(doubleSqlValue(value), AtomicType.DOUBLE, AtomicType.INT);
            }
            out[i] = (int) value;
        }
        return new IntVector(AtomicType.INT, size, out, nulls);
    }

    private static ColumnVector decimalToInt(DecimalVector vector) {
        int size = vector.size();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            long whole = wholePart(vector, i, AtomicType.INT);
            if (whole != (int) whole) {
                throw overflow(decimalSqlValue(vector.get(i)), vector.type(), AtomicType.INT);
            }
            out[i] = (int) whole;
        }
        return new IntVector(AtomicType.INT, size, out, vector.nulls());
    }

    private static ColumnVector stringToInt(StringVector vector) {
        int size = vector.size();
        byte[] bytes = vector.bytes();
        long[] parsed = new long[1];
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            int start = vector.start(i);
            if (!parseIntegral(bytes, start, start + vector.length(i), parsed)
                    || parsed[0] < Integer.MIN_VALUE || parsed[0] > Integer.MAX_VALUE) {
                throw malformed(vector, i, AtomicType.INT);
            }
            out[i] = (int) parsed[0];
        }
        return new IntVector(AtomicType.INT, size, out, vector.nulls());
    }

    /** Whole seconds since the epoch, rounded down (floor), then narrowed exactly. */
    private static ColumnVector timestampToInt(LongVector vector, ZoneId zone) {
        int size = vector.size();
        long[] in = vector.values();
        boolean[] nulls = vector.nulls();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            long seconds = Math.floorDiv(in[i], MICROS_PER_SECOND);
            int narrowed = (int) seconds;
            if (narrowed != seconds && isPresent(nulls, i)) {
                throw overflow("TIMESTAMP '" + timestampToString(in[i], zone) + "'", AtomicType.TIMESTAMP, AtomicType.INT);
            }
            out[i] = narrowed;
        }
        return new IntVector(AtomicType.INT, size, out, nulls);
    }

    /**
     * To TINYINT or SMALLINT: strings must parse as an integer in range (else {@code CAST_INVALID_INPUT});
     * other values go through BIGINT, then must fit (else {@code CAST_OVERFLOW}, naming the original value).
     */
    private static ColumnVector toSmallIntegral(ColumnVector value, AtomicType to, Expression source, ZoneId zone) {
        int min = to == AtomicType.BYTE ? Byte.MIN_VALUE : Short.MIN_VALUE;
        int max = to == AtomicType.BYTE ? Byte.MAX_VALUE : Short.MAX_VALUE;
        int size = value.size();
        int[] out = new int[size];
        if (value instanceof StringVector strings) {
            long[] parsed = new long[1];
            for (int i = 0; i < size; i++) {
                if (strings.isNull(i)) {
                    continue;
                }
                int start = strings.start(i);
                if (!parseIntegral(strings.bytes(), start, start + strings.length(i), parsed) || parsed[0] < min || parsed[0] > max) {
                    throw malformed(strings, i, to);
                }
                out[i] = (int) parsed[0];
            }
            return new IntVector(to, size, out, value.nulls());
        }
        if (value instanceof DoubleVector doubles) {
            double[] in = doubles.values();
            for (int i = 0; i < size; i++) {
                // truncation toward zero must land in range: min - 1 < x < max + 1
                if (!(in[i] > min - 1.0 && in[i] < max + 1.0) && !doubles.isNull(i)) {
                    throw overflow(doubleSqlValue(in[i]), value.type(), to);
                }
                out[i] = (int) in[i];
            }
            return new IntVector(to, size, out, value.nulls());
        }
        long[] wide = ((LongVector) cast(value, AtomicType.LONG, source, zone)).values();
        for (int i = 0; i < size; i++) {
            if ((wide[i] < min || wide[i] > max) && !value.isNull(i)) {
                throw overflow(sqlValue(value, i, zone), value.type(), to);
            }
            out[i] = (int) wide[i];
        }
        return new IntVector(to, size, out, value.nulls());
    }

    /** To FLOAT: through DOUBLE, then rounded to the nearest float (no overflow error: Spark gives Infinity too). */
    private static ColumnVector toFloat(ColumnVector value, Expression source, ZoneId zone) {
        double[] wide = ((DoubleVector) cast(value, AtomicType.DOUBLE, source, zone)).values();
        double[] out = new double[value.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) wide[i];
        }
        return new DoubleVector(AtomicType.FLOAT, out.length, out, value.nulls());
    }

    private static ColumnVector booleanToLong(BooleanVector vector) {
        int size = vector.size();
        boolean[] in = vector.values();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] ? 1L : 0L;
        }
        return new LongVector(AtomicType.LONG, size, out, vector.nulls());
    }

    private static ColumnVector intToLong(IntVector vector) {
        int size = vector.size();
        int[] in = vector.values();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i];
        }
        return new LongVector(AtomicType.LONG, size, out, vector.nulls());
    }

    /**
     * Spark's check is {@code floor(x) <= Long.MaxValue && ceil(x) >= Long.MinValue} with the bounds
     * as doubles, i.e. {@code -2^63 <= x <= 2^63}; 2^63 itself passes and saturates to
     * {@code Long.MAX_VALUE}.
     */
    private static ColumnVector doubleToLong(DoubleVector vector) {
        int size = vector.size();
        double[] in = vector.values();
        boolean[] nulls = vector.nulls();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            double value = in[i];
            if (!(value >= -TWO_TO_63 && value <= TWO_TO_63) && isPresent(nulls, i)) {
                throw overflow(doubleSqlValue(value), AtomicType.DOUBLE, AtomicType.LONG);
            }
            out[i] = (long) value;
        }
        return new LongVector(AtomicType.LONG, size, out, nulls);
    }

    private static ColumnVector decimalToLong(DecimalVector vector) {
        int size = vector.size();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            out[i] = wholePart(vector, i, AtomicType.LONG);
        }
        return new LongVector(AtomicType.LONG, size, out, vector.nulls());
    }

    /** The integral part of a non-null decimal (truncated toward zero); CAST_OVERFLOW beyond a bigint. */
    private static long wholePart(DecimalVector vector, int position, DataType target) {
        if (vector.isLong(position) && vector.scale() <= DecimalVector.MAX_LONG_DIGITS) {
            return vector.unscaled(position) / Decimals.powerOfTen(vector.scale());
        }
        BigInteger whole = vector.get(position).toBigInteger();
        if (whole.bitLength() > 63) {
            throw overflow(decimalSqlValue(vector.get(position)), vector.type(), target);
        }
        return whole.longValue();
    }

    private static ColumnVector stringToLong(StringVector vector) {
        int size = vector.size();
        byte[] bytes = vector.bytes();
        long[] parsed = new long[1];
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            int start = vector.start(i);
            if (!parseIntegral(bytes, start, start + vector.length(i), parsed)) {
                throw malformed(vector, i, AtomicType.LONG);
            }
            out[i] = parsed[0];
        }
        return new LongVector(AtomicType.LONG, size, out, vector.nulls());
    }

    private static ColumnVector timestampToLong(LongVector vector) {
        int size = vector.size();
        long[] in = vector.values();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = Math.floorDiv(in[i], MICROS_PER_SECOND);
        }
        return new LongVector(AtomicType.LONG, size, out, vector.nulls());
    }

    /**
     * Parses {@code [+-]digits} between trimmed ends into {@code result[0]}; false when there is
     * anything else (a fraction, an exponent, inner spaces) or the value does not fit a long.
     * Accumulates negatively so that {@code Long.MIN_VALUE} parses.
     */
    private static boolean parseIntegral(byte[] bytes, int from, int to, long[] result) {
        int start = trimStart(bytes, from, to);
        int end = trimEnd(bytes, start, to);
        if (start == end) {
            return false;
        }
        boolean negative = bytes[start] == '-';
        if (negative || bytes[start] == '+') {
            start++;
            if (start == end) {
                return false;
            }
        }
        long value = 0;
        for (int j = start; j < end; j++) {
            int digit = bytes[j] - '0';
            if (digit < 0 || digit > 9 || value < Long.MIN_VALUE / 10) {
                return false;
            }
            value *= 10;
            if (value < Long.MIN_VALUE + digit) {
                return false;
            }
            value -= digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                return false;
            }
            value = -value;
        }
        result[0] = value;
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // To DOUBLE
    // ------------------------------------------------------------------------------------------

    private static ColumnVector booleanToDouble(BooleanVector vector) {
        int size = vector.size();
        boolean[] in = vector.values();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] ? 1.0 : 0.0;
        }
        return new DoubleVector(size, out, vector.nulls());
    }

    private static ColumnVector intToDouble(IntVector vector) {
        int size = vector.size();
        int[] in = vector.values();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i];
        }
        return new DoubleVector(size, out, vector.nulls());
    }

    /** Rounds to the nearest double, as Java's widening does (Spark's too). */
    private static ColumnVector longToDouble(LongVector vector) {
        int size = vector.size();
        long[] in = vector.values();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i];
        }
        return new DoubleVector(size, out, vector.nulls());
    }

    private static ColumnVector decimalToDouble(DecimalVector vector) {
        int size = vector.size();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            long unscaled = vector.unscaled(i);
            if (vector.isLong(i) && Math.abs(unscaled) <= MAX_EXACT_DOUBLE_INTEGER && vector.scale() <= DecimalVector.MAX_LONG_DIGITS) {
                // both operands are exact doubles, so the one rounding of the division is BigDecimal's
                out[i] = unscaled / (double) Decimals.powerOfTen(vector.scale());
            } else {
                out[i] = vector.get(i).doubleValue();
            }
        }
        return new DoubleVector(size, out, vector.nulls());
    }

    /**
     * Spark parses with {@link Double#parseDouble} (which trims characters up to U+0020 itself and
     * accepts {@code 1e3}, {@code 1.5d}, {@code 2F}, {@code 0x1p3}, {@code NaN}, {@code Infinity}),
     * then falls back to {@code inf}, {@code +inf}, {@code infinity}, {@code +infinity},
     * {@code -inf}, {@code -infinity} and {@code nan} in any case.
     */
    private static ColumnVector stringToDouble(StringVector vector) {
        int size = vector.size();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            String text = vector.getString(i);
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException notJavaSyntax) {
                Double special = specialDouble(text);
                if (special == null) {
                    throw malformed(vector, i, AtomicType.DOUBLE);
                }
                value = special;
            }
            out[i] = value;
        }
        return new DoubleVector(size, out, vector.nulls());
    }

    /** The infinity or NaN that {@code text} names in Spark's extra spellings, or {@code null}. */
    private static Double specialDouble(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> null;
        };
    }

    /** Seconds since the epoch with the fraction: {@code micros / 1e6}. */
    private static ColumnVector timestampToDouble(LongVector vector) {
        int size = vector.size();
        long[] in = vector.values();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] / (double) MICROS_PER_SECOND;
        }
        return new DoubleVector(size, out, vector.nulls());
    }

    // ------------------------------------------------------------------------------------------
    // To DECIMAL(p, s): round half-up to s, then NUMERIC_VALUE_OUT_OF_RANGE when it does not fit
    // ------------------------------------------------------------------------------------------

    private static ColumnVector booleanToDecimal(BooleanVector vector, DecimalType type) {
        int size = vector.size();
        boolean[] in = vector.values();
        BigDecimal zero = zeroAt(type);
        BigDecimal one = null;
        BigDecimal[] out = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            if (in[i] && !vector.isNull(i)) {
                // Fitted on first use: decimal(1,1) holds false but not true.
                one = one == null ? Decimals.fit(BigDecimal.ONE, type) : one;
                out[i] = one;
            } else {
                out[i] = zero;
            }
        }
        return new DecimalVector(type, size, out, vector.nulls());
    }

    private static ColumnVector intToDecimal(IntVector vector, DecimalType type) {
        int size = vector.size();
        int[] in = vector.values();
        long[] widened = new long[size];
        for (int i = 0; i < size; i++) {
            widened[i] = in[i];
        }
        return integralToDecimal(widened, size, vector.nulls(), type);
    }

    private static ColumnVector longToDecimal(LongVector vector, DecimalType type) {
        return integralToDecimal(vector.values(), vector.size(), vector.nulls(), type);
    }

    private static ColumnVector integralToDecimal(long[] in, int size, boolean[] nulls, DecimalType type) {
        DecimalVector.Writer out = new DecimalVector.Writer(type, size);
        for (int i = 0; i < size; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            try {
                out.setUnscaled(i, Decimals.fit(in[i], 0, type));
            } catch (ArithmeticException beyondLong) {
                out.set(i, Decimals.fit(BigDecimal.valueOf(in[i]), type));
            }
        }
        return out.build(size, nulls);
    }

    /**
     * From the double's shortest decimal form ({@code 0.1} is exactly 0.1, as Spark's
     * {@code Decimal(double)} does). NaN and infinity become NULL even under ANSI: Spark catches
     * the {@code NumberFormatException} and returns null.
     */
    private static ColumnVector doubleToDecimal(DoubleVector vector, DecimalType type) {
        int size = vector.size();
        double[] in = vector.values();
        boolean[] nulls = copyNulls(vector.nulls(), size);
        boolean anyNull = vector.nulls() != null;
        BigDecimal zero = zeroAt(type);
        BigDecimal[] out = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            double value = in[i];
            if (nulls[i]) {
                out[i] = zero;
            } else if (Double.isNaN(value) || Double.isInfinite(value)) {
                nulls[i] = true;
                anyNull = true;
                out[i] = zero;
            } else {
                out[i] = Decimals.fit(BigDecimal.valueOf(value), type);
            }
        }
        return new DecimalVector(type, size, out, anyNull ? nulls : null);
    }

    private static ColumnVector decimalToDecimal(DecimalVector vector, DecimalType type) {
        int size = vector.size();
        long[] in = vector.unscaledValues();
        int scale = vector.scale();
        DecimalVector.Writer out = new DecimalVector.Writer(type, size);
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            if (vector.isLong(i)) {
                try {
                    out.setUnscaled(i, Decimals.fit(in[i], scale, type));
                    continue;
                } catch (ArithmeticException beyondLong) {
                    // redone below with BigDecimal, which raises the error if it does not fit
                }
            }
            out.set(i, Decimals.fit(vector.get(i), type));
        }
        return out.build(size, vector.nulls());
    }

    /**
     * Spark trims with {@link String#trim} and parses with {@link BigDecimal#BigDecimal(String)}, so
     * {@code 1e3}, {@code +.5} and {@code 5.} are fine and {@code 1.5d} is malformed.
     */
    private static ColumnVector stringToDecimal(StringVector vector, DecimalType type) {
        int size = vector.size();
        BigDecimal zero = zeroAt(type);
        BigDecimal[] out = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                out[i] = zero;
                continue;
            }
            String text = vector.getString(i);
            BigDecimal parsed;
            try {
                parsed = new BigDecimal(text.trim());
            } catch (NumberFormatException malformed) {
                throw malformed(vector, i, type);
            }
            int integralDigits = parsed.precision() - parsed.scale();
            if (integralDigits > DecimalType.MAX_PRECISION) {
                // Checked before rounding so that 1e999999999 does not build a billion-digit number.
                throw EmberException.of(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE, "value", text.trim(), "type", type.simpleString());
            }
            // Below half a unit of the last place: rounds to zero without a huge setScale (1e-999999999).
            out[i] = integralDigits <= -(type.scale() + 1) ? zero : Decimals.fit(parsed, type);
        }
        return new DecimalVector(type, size, out, vector.nulls());
    }

    /** Through the double of seconds, as Spark does (precision beyond a double is lost). */
    private static ColumnVector timestampToDecimal(LongVector vector, DecimalType type) {
        int size = vector.size();
        long[] in = vector.values();
        BigDecimal zero = zeroAt(type);
        BigDecimal[] out = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            out[i] = vector.isNull(i) ? zero : Decimals.fit(BigDecimal.valueOf(in[i] / (double) MICROS_PER_SECOND), type);
        }
        return new DecimalVector(type, size, out, vector.nulls());
    }

    private static BigDecimal zeroAt(DecimalType type) {
        return BigDecimal.ZERO.setScale(type.scale());
    }

    // ------------------------------------------------------------------------------------------
    // To STRING and BINARY
    // ------------------------------------------------------------------------------------------

    private static ColumnVector toStrings(ColumnVector vector, ZoneId zone) {
        int size = vector.size();
        if (vector.type() == AtomicType.BINARY) {
            // The same bytes, as Spark keeps the raw bytes both ways.
            return ((StringVector) vector).retype(AtomicType.STRING);
        }
        if (vector instanceof IntVector ints && vector.type() == AtomicType.INT) {
            int[] in = ints.values();
            Utf8Output out = new Utf8Output(size, 6);
            for (int i = 0; i < size; i++) {
                if (!vector.isNull(i)) {
                    out.appendLong(in[i]);
                }
                out.endValue();
            }
            return out.build(vector.nulls());
        }
        if (vector instanceof LongVector longs && vector.type() == AtomicType.LONG) {
            long[] in = longs.values();
            Utf8Output out = new Utf8Output(size, 10);
            for (int i = 0; i < size; i++) {
                if (!vector.isNull(i)) {
                    out.appendLong(in[i]);
                }
                out.endValue();
            }
            return out.build(vector.nulls());
        }
        if (vector instanceof DoubleVector doubles && vector.type() == AtomicType.DOUBLE) {
            double[] in = doubles.values();
            Utf8Output out = new Utf8Output(size, 12);
            for (int i = 0; i < size; i++) {
                if (!vector.isNull(i)) {
                    out.appendAscii(Double.toString(in[i]));
                }
                out.endValue();
            }
            return out.build(vector.nulls());
        }
        Utf8Output out = new Utf8Output(size, 12);
        for (int i = 0; i < size; i++) {
            if (!vector.isNull(i)) {
                appendValue(out, vector, i, zone);
            }
            out.endValue();
        }
        return out.build(vector.nulls());
    }

    /** Appends the string form of the non-null value at {@code position}. */
    private static void appendValue(Utf8Output out, ColumnVector vector, int position, ZoneId zone) {
        switch (kind(vector.type())) {
            case BOOLEAN -> out.appendAscii(((BooleanVector) vector).get(position) ? "true" : "false");
            case INT -> out.appendLong(((IntVector) vector).get(position));
            case LONG -> out.appendLong(((LongVector) vector).get(position));
            case DOUBLE -> {
                double value = ((DoubleVector) vector).get(position);
                out.appendAscii(vector.type() == AtomicType.FLOAT ? Float.toString((float) value) : Double.toString(value));
            }
            case DECIMAL -> out.appendAscii(((DecimalVector) vector).get(position).toPlainString());
            case STRING, BINARY -> {
                StringVector strings = (StringVector) vector;
                out.appendBytes(strings.bytes(), strings.start(position), strings.length(position));
            }
            case DATE -> appendDate(out, ((IntVector) vector).get(position));
            case TIMESTAMP -> appendTimestamp(out, ((LongVector) vector).get(position), zone);
            case ARRAY -> appendArray(out, (ArrayVector) vector, position, zone);
            case STRUCT -> appendStruct(out, (StructVector) vector, position, zone);
            case MAP -> appendMap(out, (MapVector) vector, position, zone);
            default -> throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE,
                    "feature", "CAST from " + toSqlType(vector.type()) + " to \"STRING\"");
        }
    }

    /** {@code [1, 2, null]}: elements as their own casts to string, NULL as {@code null}. */
    private static void appendArray(Utf8Output out, ArrayVector arrays, int position, ZoneId zone) {
        ColumnVector elements = arrays.elements();
        int start = arrays.start(position);
        int end = start + arrays.length(position);
        out.appendByte('[');
        for (int e = start; e < end; e++) {
            if (e > start) {
                out.appendAscii(", ");
            }
            if (elements.isNull(e)) {
                out.appendAscii("null");
            } else {
                appendValue(out, elements, e, zone);
            }
        }
        out.appendByte(']');
    }

    /** {@code {1, a, null}}: the fields' values without their names. */
    private static void appendStruct(Utf8Output out, StructVector structs, int position, ZoneId zone) {
        out.appendByte('{');
        for (int f = 0; f < structs.fields().size(); f++) {
            if (f > 0) {
                out.appendAscii(", ");
            }
            appendNullable(out, structs.field(f), position, zone);
        }
        out.appendByte('}');
    }

    /** {@code {a -> 1, b -> null}}, in the map's order. */
    private static void appendMap(Utf8Output out, MapVector maps, int position, ZoneId zone) {
        int start = maps.start(position);
        int end = start + maps.length(position);
        out.appendByte('{');
        for (int e = start; e < end; e++) {
            if (e > start) {
                out.appendAscii(", ");
            }
            appendValue(out, maps.keys(), e, zone);
            out.appendAscii(" -> ");
            appendNullable(out, maps.values(), e, zone);
        }
        out.appendByte('}');
    }

    private static void appendNullable(Utf8Output out, ColumnVector vector, int position, ZoneId zone) {
        if (vector.isNull(position)) {
            out.appendAscii("null");
        } else {
            appendValue(out, vector, position, zone);
        }
    }

    private static void appendDate(Utf8Output out, int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        appendDate(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** {@code yyyy-MM-dd}; years beyond four digits carry their sign, as Spark's formatter (and {@link LocalDate#toString}) print. */
    private static void appendDate(Utf8Output out, int year, int month, int day) {
        if (year > 9999) {
            out.appendByte('+');
            out.appendLong(year);
        } else if (year < 0) {
            out.appendByte('-');
            out.appendPadded(-(long) year, 4);
        } else {
            out.appendPadded(year, 4);
        }
        out.appendByte('-');
        out.appendPadded(month, 2);
        out.appendByte('-');
        out.appendPadded(day, 2);
    }

    private static void appendTimestamp(Utf8Output out, long epochMicros, ZoneId zone) {
        long seconds = Math.floorDiv(epochMicros, MICROS_PER_SECOND);
        int micros = (int) Math.floorMod(epochMicros, MICROS_PER_SECOND);
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, micros * 1000, offsetAt(zone, seconds));
        appendDate(out, local.getYear(), local.getMonthValue(), local.getDayOfMonth());
        out.appendByte(' ');
        out.appendPadded(local.getHour(), 2);
        out.appendByte(':');
        out.appendPadded(local.getMinute(), 2);
        out.appendByte(':');
        out.appendPadded(local.getSecond(), 2);
        if (micros != 0) {
            int digits = 6;
            while (micros % 10 == 0) {
                micros /= 10;
                digits--;
            }
            out.appendByte('.');
            out.appendPadded(micros, digits);
        }
    }

    // ------------------------------------------------------------------------------------------
    // To DATE and TIMESTAMP
    // ------------------------------------------------------------------------------------------

    private static ColumnVector stringToDate(StringVector vector) {
        int size = vector.size();
        byte[] bytes = vector.bytes();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            int start = vector.start(i);
            long epochDay = parseDate(bytes, start, start + vector.length(i));
            if (epochDay == INVALID) {
                throw malformed(vector, i, AtomicType.DATE);
            }
            out[i] = (int) epochDay;
        }
        return new IntVector(AtomicType.DATE, size, out, vector.nulls());
    }

    private static final long INVALID = Long.MIN_VALUE;

    /**
     * Spark's date forms after trimming: {@code [+-]yyyy*}, {@code [+-]yyyy*-[m]m},
     * {@code [+-]yyyy*-[m]m-[d]d}, and the last followed by {@code ' '} or {@code 'T'} and anything
     * (a time part, ignored). The year has 4 to 7 digits. Returns the epoch day or {@link #INVALID}.
     */
    private static long parseDate(byte[] bytes, int from, int to) {
        int j = trimStart(bytes, from, to);
        int end = trimEnd(bytes, j, to);
        if (j == end) {
            return INVALID;
        }
        int sign = 1;
        if (bytes[j] == '-' || bytes[j] == '+') {
            sign = bytes[j] == '-' ? -1 : 1;
            j++;
        }
        int[] fields = {1, 1, 1};
        int field = 0;
        int value = 0;
        int digits = 0;
        while (j < end && bytes[j] != ' ' && bytes[j] != 'T') {
            byte c = bytes[j];
            if (field < 2 && c == '-') {
                if (!validDateDigits(field, digits)) {
                    return INVALID;
                }
                fields[field++] = value;
                value = 0;
                digits = 0;
            } else {
                int digit = c - '0';
                if (digit < 0 || digit > 9) {
                    return INVALID;
                }
                value = value * 10 + digit;
                digits++;
            }
            j++;
        }
        if (!validDateDigits(field, digits) || (field < 2 && j < end)) {
            // A time part may only follow a full year-month-day.
            return INVALID;
        }
        fields[field] = value;
        try {
            long epochDay = LocalDate.of(sign * fields[0], fields[1], fields[2]).toEpochDay();
            return epochDay == (int) epochDay ? epochDay : INVALID;
        } catch (DateTimeException invalidDate) {
            return INVALID;
        }
    }

    private static boolean validDateDigits(int field, int digits) {
        return field == 0 ? digits >= 4 && digits <= 7 : digits >= 1 && digits <= 2;
    }

    /** The day in {@code zone} that contains the instant. */
    private static ColumnVector timestampToDate(LongVector vector, ZoneId zone) {
        int size = vector.size();
        long[] in = vector.values();
        int[] out = new int[size];
        if (zone instanceof ZoneOffset offset) {
            int offsetSeconds = offset.getTotalSeconds();
            for (int i = 0; i < size; i++) {
                out[i] = (int) Math.floorDiv(Math.floorDiv(in[i], MICROS_PER_SECOND) + offsetSeconds, SECONDS_PER_DAY);
            }
        } else {
            for (int i = 0; i < size; i++) {
                long seconds = Math.floorDiv(in[i], MICROS_PER_SECOND);
                out[i] = (int) Math.floorDiv(seconds + offsetAt(zone, seconds).getTotalSeconds(), SECONDS_PER_DAY);
            }
        }
        return new IntVector(AtomicType.DATE, size, out, vector.nulls());
    }

    /** Midnight at the start of the day in {@code zone}. */
    private static ColumnVector dateToTimestamp(IntVector vector, ZoneId zone) {
        int size = vector.size();
        int[] in = vector.values();
        boolean[] nulls = vector.nulls();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            if (!isPresent(nulls, i)) {
                continue;
            }
            try {
                long seconds = zone instanceof ZoneOffset offset
                        ? in[i] * SECONDS_PER_DAY - offset.getTotalSeconds()
                        : LocalDate.ofEpochDay(in[i]).atStartOfDay(zone).toEpochSecond();
                out[i] = Math.multiplyExact(seconds, MICROS_PER_SECOND);
            } catch (ArithmeticException tooFar) {
                // Spark fails with a bare "long overflow" here; ours names the value.
                throw overflow("DATE '" + dateToString(in[i]) + "'", AtomicType.DATE, AtomicType.TIMESTAMP);
            }
        }
        return new LongVector(AtomicType.TIMESTAMP, size, out, nulls);
    }

    /** Seconds since the epoch; like Spark's {@code TimeUnit.SECONDS.toMicros}, saturates instead of overflowing. */
    private static ColumnVector secondsToTimestamp(IntVector vector) {
        int size = vector.size();
        int[] in = vector.values();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = in[i] * MICROS_PER_SECOND;
        }
        return new LongVector(AtomicType.TIMESTAMP, size, out, vector.nulls());
    }

    private static ColumnVector secondsToTimestamp(LongVector vector) {
        int size = vector.size();
        long[] in = vector.values();
        long[] out = new long[size];
        long limit = Long.MAX_VALUE / MICROS_PER_SECOND;
        for (int i = 0; i < size; i++) {
            long seconds = in[i];
            out[i] = seconds > limit ? Long.MAX_VALUE : seconds < -limit ? Long.MIN_VALUE : seconds * MICROS_PER_SECOND;
        }
        return new LongVector(AtomicType.TIMESTAMP, size, out, vector.nulls());
    }

    /**
     * Seconds with a fraction. NaN and infinity are {@code CAST_INVALID_INPUT}; a product beyond the
     * long range is Spark's {@code CAST_OVERFLOW} of the microsecond double to BIGINT.
     */
    private static ColumnVector doubleToTimestamp(DoubleVector vector) {
        int size = vector.size();
        double[] in = vector.values();
        boolean[] nulls = vector.nulls();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            double micros = in[i] * MICROS_PER_SECOND;
            if (!(micros >= -TWO_TO_63 && micros <= TWO_TO_63) && isPresent(nulls, i)) {
                if (Double.isNaN(micros) || Double.isInfinite(in[i])) {
                    throw EmberException.of(ErrorClass.CAST_INVALID_INPUT, "expression", doubleSqlValue(in[i]),
                            "sourceType", toSqlType(AtomicType.DOUBLE), "targetType", toSqlType(AtomicType.TIMESTAMP));
                }
                throw overflow(doubleSqlValue(micros), AtomicType.DOUBLE, AtomicType.LONG);
            }
            out[i] = (long) micros;
        }
        return new LongVector(AtomicType.TIMESTAMP, size, out, nulls);
    }

    /** Seconds times a million, truncated toward zero; wraps on overflow like Spark's {@code BigDecimal.longValue}. */
    private static ColumnVector decimalToTimestamp(DecimalVector vector) {
        int size = vector.size();
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            if (!vector.isNull(i)) {
                out[i] = vector.get(i).movePointRight(6).longValue();
            }
        }
        return new LongVector(AtomicType.TIMESTAMP, size, out, vector.nulls());
    }

    private static ColumnVector stringToTimestamp(StringVector vector, ZoneId zone) {
        int size = vector.size();
        byte[] bytes = vector.bytes();
        long[] parsed = new long[1];
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            if (vector.isNull(i)) {
                continue;
            }
            int start = vector.start(i);
            if (!parseTimestamp(bytes, start, start + vector.length(i), zone, parsed)) {
                throw malformed(vector, i, AtomicType.TIMESTAMP);
            }
            out[i] = parsed[0];
        }
        return new LongVector(AtomicType.TIMESTAMP, size, out, vector.nulls());
    }

    private static final int YEAR = 0;
    private static final int MONTH = 1;
    private static final int DAY = 2;
    private static final int HOUR = 3;
    private static final int MINUTE = 4;
    private static final int SECOND = 5;
    private static final int FRACTION = 6;
    private static final int ZONE = 7;

    /**
     * Spark's timestamp forms after trimming: a date as {@link #parseDate} takes it (year of 4 to 6
     * digits), optionally followed by {@code ' '} or {@code 'T'} and {@code h[h][:m[m][:s[s][.fraction]]]},
     * then optionally a zone ({@code Z}, {@code +01:00}, {@code UTC}, {@code Europe/Paris}, ...)
     * right after the seconds or the fraction. A time alone ({@code 10:00:00}, {@code T10:00}) is on
     * today's date in the zone. Digits past the sixth of the fraction are dropped. Without a zone in
     * the text, {@code sessionZone} applies. Writes epoch microseconds to {@code result[0]}.
     */
    private static boolean parseTimestamp(byte[] bytes, int from, int to, ZoneId sessionZone, long[] result) {
        int j = trimStart(bytes, from, to);
        int end = trimEnd(bytes, j, to);
        if (j == end) {
            return false;
        }
        int[] fields = {1, 1, 1, 0, 0, 0, 0};
        int field = YEAR;
        int value = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean timeOnly = false;
        boolean signed = false;
        int sign = 1;
        String zoneText = null;
        if (bytes[j] == '-' || bytes[j] == '+') {
            signed = true;
            sign = bytes[j] == '-' ? -1 : 1;
            j++;
        }
        for (; j < end; j++) {
            byte c = bytes[j];
            int digit = c - '0';
            if (digit >= 0 && digit <= 9) {
                if (field == FRACTION) {
                    fractionDigits++;
                    if (fractionDigits <= 6) {
                        value = value * 10 + digit;
                    }
                } else if (digits < 9) {
                    // Longer runs are rejected by the digit-count check; stop before int overflow.
                    value = value * 10 + digit;
                }
                digits++;
                continue;
            }
            // Spark looks for a leading 'T' at the first byte before trimming, so " T10:00" is malformed.
            if (j == from && c == 'T') {
                timeOnly = true;
                field = HOUR;
                continue;
            }
            if (field == YEAR || field == MONTH) {
                if (c == '-') {
                    if (!validTimestampDigits(field, digits)) {
                        return false;
                    }
                    fields[field++] = value;
                } else if (field == YEAR && c == ':' && !signed) {
                    if (!validTimestampDigits(HOUR, digits)) {
                        return false;
                    }
                    timeOnly = true;
                    fields[HOUR] = value;
                    field = MINUTE;
                } else {
                    return false;
                }
            } else if (field == DAY) {
                if ((c != ' ' && c != 'T') || !validTimestampDigits(field, digits)) {
                    return false;
                }
                fields[field++] = value;
            } else if (field == HOUR || field == MINUTE) {
                if (c != ':' || !validTimestampDigits(field, digits)) {
                    return false;
                }
                fields[field++] = value;
            } else if (field == SECOND && c == '.') {
                if (!validTimestampDigits(field, digits)) {
                    return false;
                }
                fields[field++] = value;
            } else if (field == SECOND || field == FRACTION) {
                // Anything else after the seconds or the fraction starts the zone, up to the end.
                if (!validTimestampDigits(field, digits)) {
                    return false;
                }
                fields[field] = value;
                field = ZONE;
                digits = 0;
                zoneText = new String(bytes, j, end - j, StandardCharsets.UTF_8).trim();
                break;
            } else {
                return false;
            }
            value = 0;
            digits = 0;
        }
        if (!validTimestampDigits(field, digits)) {
            return false;
        }
        if (field <= FRACTION) {
            fields[field] = value;
        }
        int micros = fields[FRACTION];
        for (int scale = Math.min(fractionDigits, 6); scale < 6; scale++) {
            micros *= 10;
        }
        try {
            ZoneId zone = zoneText == null ? sessionZone : parseZone(zoneText);
            LocalTime time = LocalTime.of(fields[HOUR], fields[MINUTE], fields[SECOND], micros * 1000);
            LocalDate date = timeOnly ? LocalDate.now(zone) : LocalDate.of(sign * fields[YEAR], fields[MONTH], fields[DAY]);
            long seconds = ZonedDateTime.of(date, time, zone).toEpochSecond();
            result[0] = Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), micros);
            return true;
        } catch (DateTimeException | ArithmeticException invalid) {
            return false;
        }
    }

    private static boolean validTimestampDigits(int field, int digits) {
        return switch (field) {
            case YEAR -> digits >= 4 && digits <= 6;
            case FRACTION -> true;
            case ZONE -> digits == 0;
            default -> digits >= 1 && digits <= 2;
        };
    }

    private static final Pattern ONE_DIGIT_HOUR = Pattern.compile("([+-])(\\d):");
    private static final Pattern ONE_DIGIT_MINUTE = Pattern.compile("([+-])(\\d\\d):(\\d)$");

    /** A zone as Spark reads it in timestamp strings: {@code +h:mm} and {@code +hh:m} are padded, short ids ({@code PST}) allowed. */
    private static ZoneId parseZone(String text) {
        String padded = ONE_DIGIT_HOUR.matcher(text).replaceFirst("$10$2:");
        padded = ONE_DIGIT_MINUTE.matcher(padded).replaceFirst("$1$2:0$3");
        return ZoneId.of(padded, ZoneId.SHORT_IDS);
    }

    private static ZoneOffset offsetAt(ZoneId zone, long epochSecond) {
        return zone instanceof ZoneOffset fixed ? fixed : zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
    }

    // ------------------------------------------------------------------------------------------
    // ARRAY and NULL
    // ------------------------------------------------------------------------------------------

    /** Elementwise; the arrays keep their shape and nulls. */
    private static ColumnVector castArray(ArrayVector arrays, ArrayType to, Expression source, ZoneId zone) {
        int size = arrays.size();
        ColumnVector elements = cast(arrays.elements(), to.elementType(), source, zone);
        int[] offsets = new int[size + 1];
        for (int i = 0; i <= size; i++) {
            offsets[i] = arrays.start(i);
        }
        return new ArrayVector(to, size, offsets, elements, arrays.nulls());
    }

    /** Fieldwise, by position (the target's names win). */
    private static ColumnVector castStruct(StructVector structs, StructType to, Expression source, ZoneId zone) {
        List<ColumnVector> fields = new ArrayList<>(to.size());
        for (int f = 0; f < to.size(); f++) {
            fields.add(cast(structs.field(f), to.field(f).dataType(), source, zone));
        }
        return new StructVector(to, structs.size(), fields, structs.nulls());
    }

    private static ColumnVector castMap(MapVector maps, MapType to, Expression source, ZoneId zone) {
        int size = maps.size();
        int[] offsets = new int[size + 1];
        for (int i = 0; i <= size; i++) {
            offsets[i] = maps.start(i);
        }
        return new MapVector(to, size, offsets, cast(maps.keys(), to.keyType(), source, zone),
                cast(maps.values(), to.valueType(), source, zone), maps.nulls());
    }

    private static ColumnVector allNull(DataType type, int size) {
        VectorBuilder builder;
        try {
            builder = VectorBuilder.create(type, size);
        } catch (UnsupportedOperationException noLayout) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "CAST from \"VOID\" to " + toSqlType(type));
        }
        for (int i = 0; i < size; i++) {
            builder.appendNull();
        }
        return builder.build();
    }

    // ------------------------------------------------------------------------------------------
    // Errors, with values written as Spark's messages show them
    // ------------------------------------------------------------------------------------------

    private static EmberException overflow(String value, DataType from, DataType to) {
        return EmberException.of(ErrorClass.CAST_OVERFLOW, "value", value, "sourceType", toSqlType(from), "targetType", toSqlType(to));
    }

    /** {@code CAST_INVALID_INPUT} with the untrimmed text as a SQL string literal. */
    private static EmberException malformed(StringVector vector, int position, DataType to) {
        return EmberException.of(ErrorClass.CAST_INVALID_INPUT, "expression", stringSqlValue(vector.getString(position)),
                "sourceType", toSqlType(vector.type()), "targetType", toSqlType(to));
    }

    /** {@code 'it\'s'}: Spark's string literal, backslashes and quotes escaped. */
    private static String stringSqlValue(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A value as Spark's literal SQL shows it in messages: {@code 300}, {@code 300L}, {@code 12Y}, {@code 1.50BD}. */
    private static String sqlValue(ColumnVector vector, int position, ZoneId zone) {
        DataType type = vector.type();
        if (type == AtomicType.TIMESTAMP) {
            return "TIMESTAMP '" + toSparkString(vector, position, zone) + "'";
        }
        if (type instanceof DecimalType) {
            return decimalSqlValue(((DecimalVector) vector).get(position));
        }
        String suffix = type == AtomicType.LONG ? "L" : type == AtomicType.BYTE ? "Y" : type == AtomicType.SHORT ? "S" : "";
        return toSparkString(vector, position, zone) + suffix;
    }

    /** {@code 1.0E10D}, or {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    private static String doubleSqlValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(value) + "D";
    }

    /** {@code 12345678901.50BD}: Spark prints the decimal's {@code toString} with the {@code BD} suffix. */
    private static String decimalSqlValue(BigDecimal value) {
        return value.toString() + "BD";
    }

    private static String sqlName(DataType type) {
        if (type instanceof ArrayType array) {
            return "ARRAY<" + sqlName(array.elementType()) + ">";
        }
        if (type instanceof MapType map) {
            return "MAP<" + sqlName(map.keyType()) + ", " + sqlName(map.valueType()) + ">";
        }
        if (type instanceof StructType struct) {
            return struct.fields().stream()
                    .map(field -> quoteIfNeeded(field.name()) + ": " + sqlName(field.dataType()))
                    .collect(Collectors.joining(", ", "STRUCT<", ">"));
        }
        if (type instanceof DecimalType decimal) {
            return "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
        }
        return type.simpleString().toUpperCase(Locale.ROOT);
    }

    private static String quoteIfNeeded(String name) {
        if (name.matches("[A-Za-z0-9_]+") && !name.matches("[0-9]+")) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    /** Spark's non-ANSI {@code canCast}, as far as it differs for Ember's types; for the mismatch hint only. */
    private static boolean canCastWithoutAnsi(DataType from, DataType to) {
        if (from instanceof ArrayType fromArray && to instanceof ArrayType toArray) {
            return canCastWithoutAnsi(fromArray.elementType(), toArray.elementType())
                    && (!fromArray.containsNull() || toArray.containsNull());
        }
        if (canCast(from, to)) {
            return true;
        }
        if (to == AtomicType.BOOLEAN) {
            return from == AtomicType.DATE || from == AtomicType.TIMESTAMP;
        }
        if (to == AtomicType.TIMESTAMP) {
            return from == AtomicType.BOOLEAN;
        }
        if (to == AtomicType.BINARY) {
            return from.isIntegral();
        }
        return to.isNumeric() && from == AtomicType.DATE;
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers
    // ------------------------------------------------------------------------------------------

    private static boolean isPresent(boolean[] nulls, int position) {
        return nulls == null || !nulls[position];
    }

    private static boolean[] copyNulls(boolean[] nulls, int size) {
        return nulls == null ? new boolean[size] : Arrays.copyOf(nulls, size);
    }

    /**
     * First position at or after {@code from} that is not ASCII whitespace or control (bytes 0x00
     * to 0x20 and 0x7F), the set Spark's {@code UTF8String.trimAll} drops. Bytes of multi-byte
     * UTF-8 characters are negative and never trimmed.
     */
    private static int trimStart(byte[] bytes, int from, int to) {
        while (from < to && isTrimmed(bytes[from])) {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] bytes, int from, int to) {
        while (to > from && isTrimmed(bytes[to - 1])) {
            to--;
        }
        return to;
    }

    private static boolean isTrimmed(byte b) {
        return (b >= 0 && b <= ' ') || b == 0x7F;
    }

    private static int lowerAscii(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static boolean equalsIgnoreAsciiCase(byte[] bytes, int from, String lowerWord) {
        for (int k = 0; k < lowerWord.length(); k++) {
            if (lowerAscii(bytes[from + k]) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Accumulates UTF-8 values into one byte array with offsets, to build a {@link StringVector} without a String per row. */
    private static final class Utf8Output {
        private final int[] offsets;
        private byte[] bytes;
        private int count;
        private int length;

        Utf8Output(int values, int bytesPerValue) {
            offsets = new int[values + 1];
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(16L, (long) values * bytesPerValue))];
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length + (bytes.length >> 1)));
            }
        }

        void appendByte(int c) {
            ensure(1);
            bytes[length++] = (byte) c;
        }

        /** Appends a string known to be ASCII. */
        void appendAscii(String text) {
            int n = text.length();
            ensure(n);
            for (int k = 0; k < n; k++) {
                bytes[length++] = (byte) text.charAt(k);
            }
        }

        void appendBytes(byte[] source, int from, int count) {
            ensure(count);
            System.arraycopy(source, from, bytes, length, count);
            length += count;
        }

        void appendLong(long value) {
            if (value == Long.MIN_VALUE) {
                appendAscii("-9223372036854775808");
                return;
            }
            if (value < 0) {
                appendByte('-');
                value = -value;
            }
            int digits = 1;
            for (long rest = value / 10; rest != 0; rest /= 10) {
                digits++;
            }
            appendPadded(value, digits);
        }

        /** A non-negative value in exactly {@code width} digits, zero-padded (more digits if it needs them). */
        void appendPadded(long value, int width) {
            int digits = 1;
            for (long rest = value / 10; rest != 0; rest /= 10) {
                digits++;
            }
            int total = Math.max(width, digits);
            ensure(total);
            for (int p = length + total - 1; p >= length; p--) {
                bytes[p] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += total;
        }

        void endValue() {
            offsets[++count] = length;
        }

        String value(int index) {
            return new String(bytes, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.UTF_8);
        }

        StringVector build(boolean[] nulls) {
            byte[] exact = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
            return new StringVector(AtomicType.STRING, count, exact, offsets, nulls);
        }
    }
}
