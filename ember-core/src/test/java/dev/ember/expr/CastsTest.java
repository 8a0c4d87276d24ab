package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.NullVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CastsTest {
    private static final DataType BOOLEAN = AtomicType.BOOLEAN;
    private static final DataType INT = AtomicType.INT;
    private static final DataType LONG = AtomicType.LONG;
    private static final DataType DOUBLE = AtomicType.DOUBLE;
    private static final DataType STRING = AtomicType.STRING;
    private static final DataType BINARY = AtomicType.BINARY;
    private static final DataType DATE = AtomicType.DATE;
    private static final DataType TIMESTAMP = AtomicType.TIMESTAMP;
    private static final DataType NULL = AtomicType.NULL;

    @Nested
    class ToBoolean {
        @Test
        void numbersAreTrueWhenNotZero() {
            assertThat(castValues(vector(INT, 0, 1, -5, null), BOOLEAN)).containsExactly(false, true, true, null);
            assertThat(castValues(vector(LONG, 0L, Long.MIN_VALUE, null), BOOLEAN)).containsExactly(false, true, null);
            assertThat(castValues(vector(DOUBLE, 0.0, -0.0, 0.5, Double.NaN, Double.NEGATIVE_INFINITY, null), BOOLEAN))
                    .containsExactly(false, false, true, true, true, null);
            assertThat(castValues(vector(new DecimalType(5, 2), new BigDecimal("0.00"), new BigDecimal("-0.01"), null), BOOLEAN))
                    .containsExactly(false, true, null);
        }

        @Test
        void stringsAcceptSparksWordsInAnyCaseAfterTrimming() {
            assertThat(castValues(vector(STRING, "t", "TRUE", "tRuE", "y", "Yes", "1", " true\t", "\u0001yes\u007f"), BOOLEAN))
                    .containsOnly(true);
            assertThat(castValues(vector(STRING, "f", "False", "n", "NO", "0", "\n false "), BOOLEAN)).containsOnly(false);
            assertThat(castValues(vector(STRING, "yes", null), BOOLEAN)).containsExactly(true, null);
        }

        @Test
        void otherStringsAreMalformed() {
            for (String text : List.of("", "  ", "tru", "yess", "2", "on", "t r u e", "ｔrue")) {
                assertThatThrownBy(() -> cast(vector(STRING, text), BOOLEAN))
                        .isInstanceOfSatisfying(EmberException.class,
                                e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_INVALID_INPUT));
            }
            assertError(() -> cast(vector(STRING, "maybe"), BOOLEAN), ErrorClass.CAST_INVALID_INPUT,
                    "[CAST_INVALID_INPUT] The value 'maybe' of the type \"STRING\" cannot be cast to \"BOOLEAN\" because it"
                            + " is malformed. Correct the value as per the syntax, or change its target type. SQLSTATE: 22018");
        }
    }

    @Nested
    class ToInt {
        @Test
        void booleansAreOneAndZero() {
            assertThat(castValues(vector(BOOLEAN, true, false, null), INT)).containsExactly(1, 0, null);
            assertThat(castValues(vector(BOOLEAN, true, false, null), LONG)).containsExactly(1L, 0L, null);
        }

        @Test
        void longsInRangeNarrow() {
            assertThat(castValues(vector(LONG, 0L, -1L, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, null), INT))
                    .containsExactly(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, null);
        }

        @Test
        void longsOutOfRangeOverflow() {
            assertError(() -> cast(vector(LONG, 1L, 2147483648L), INT), ErrorClass.CAST_OVERFLOW,
                    "[CAST_OVERFLOW] The value 2147483648L of the type \"BIGINT\" cannot be cast to \"INT\" due to an overflow."
                            + " SQLSTATE: 22003");
            assertOverflow(() -> cast(vector(LONG, -2147483649L), INT), "-2147483649L", "\"BIGINT\"", "\"INT\"");
            assertOverflow(() -> cast(vector(LONG, Long.MIN_VALUE), INT), "-9223372036854775808L", "\"BIGINT\"", "\"INT\"");
        }

        @Test
        void garbageUnderNullIsNotChecked() {
            LongVector longs = new LongVector(LONG, 2, new long[] {Long.MAX_VALUE, 7}, new boolean[] {true, false});
            assertThat(castValues(longs, INT)).containsExactly(null, 7);
            DoubleVector doubles = new DoubleVector(2, new double[] {Double.NaN, 7.5}, new boolean[] {true, false});
            assertThat(castValues(doubles, INT)).containsExactly(null, 7);
            assertThat(castValues(doubles, LONG)).containsExactly(null, 7L);
            assertThat(castValues(doubles, TIMESTAMP)).containsExactly(null, Instant.ofEpochMilli(7500));
        }

        @Test
        void doublesTruncateTowardZero() {
            assertThat(castValues(vector(DOUBLE, 1.9, -1.9, 0.5, -0.5, -0.0, 2147483647.9, -2147483648.9, null), INT))
                    .containsExactly(1, -1, 0, 0, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, null);
        }

        @Test
        void doublesOutOfRangeNanAndInfinityOverflow() {
            assertError(() -> cast(vector(DOUBLE, 1.0E10), INT), ErrorClass.CAST_OVERFLOW,
                    "[CAST_OVERFLOW] The value 1.0E10D of the type \"DOUBLE\" cannot be cast to \"INT\" due to an overflow."
                            + " SQLSTATE: 22003");
            assertOverflow(() -> cast(vector(DOUBLE, 2147483648.0), INT), "2.147483648E9D", "\"DOUBLE\"", "\"INT\"");
            assertOverflow(() -> cast(vector(DOUBLE, -2147483649.0), INT), "-2.147483649E9D", "\"DOUBLE\"", "\"INT\"");
            assertOverflow(() -> cast(vector(DOUBLE, Double.NaN), INT), "NaN", "\"DOUBLE\"", "\"INT\"");
            assertOverflow(() -> cast(vector(DOUBLE, Double.POSITIVE_INFINITY), INT), "Infinity", "\"DOUBLE\"", "\"INT\"");
            assertOverflow(() -> cast(vector(DOUBLE, Double.NEGATIVE_INFINITY), LONG), "-Infinity", "\"DOUBLE\"", "\"BIGINT\"");
        }

        @Test
        void decimalsTruncateTowardZero() {
            DecimalType type = new DecimalType(12, 2);
            assertThat(castValues(vector(type, new BigDecimal("1.99"), new BigDecimal("-1.99"), new BigDecimal("2147483647.99"),
                    new BigDecimal("-2147483648.99"), null), INT))
                    .containsExactly(1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, null);
        }

        @Test
        void decimalsOutOfRangeOverflow() {
            DecimalType type = new DecimalType(12, 2);
            assertError(() -> cast(vector(type, new BigDecimal("2147483648.00")), INT), ErrorClass.CAST_OVERFLOW,
                    "[CAST_OVERFLOW] The value 2147483648.00BD of the type \"DECIMAL(12,2)\" cannot be cast to \"INT\" due to"
                            + " an overflow. SQLSTATE: 22003");
            DecimalType wide = new DecimalType(38, 0);
            assertOverflow(() -> cast(vector(wide, new BigDecimal("9223372036854775808")), LONG),
                    "9223372036854775808BD", "\"DECIMAL(38,0)\"", "\"BIGINT\"");
        }

        @Test
        void stringsAreSignedDigitsAfterTrimming() {
            assertThat(castValues(vector(STRING, "42", " 42 ", "+7", "-0", "007", "\t-12\n", "2147483647", "-2147483648", null), INT))
                    .containsExactly(42, 42, 7, 0, 7, -12, Integer.MAX_VALUE, Integer.MIN_VALUE, null);
        }

        @Test
        void stringsWithFractionsExponentsOrOverflowAreMalformed() {
            for (String text : List.of("1.5", "1.0", "1.", ".5", "1e3", "", "   ", "+", "-", "12a", "1 2", "0x10", "2147483648",
                    "-2147483649", "١٢")) {
                assertThatThrownBy(() -> cast(vector(STRING, text), INT))
                        .as(text)
                        .isInstanceOfSatisfying(EmberException.class, e -> {
                            assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_INVALID_INPUT);
                            assertThat(e.parameters()).containsEntry("targetType", "\"INT\"");
                        });
            }
            assertError(() -> cast(vector(STRING, "1", " 1.5 "), INT), ErrorClass.CAST_INVALID_INPUT,
                    "[CAST_INVALID_INPUT] The value ' 1.5 ' of the type \"STRING\" cannot be cast to \"INT\" because it is"
                            + " malformed. Correct the value as per the syntax, or change its target type. SQLSTATE: 22018");
        }

        @Test
        void malformedTextIsQuotedAsASqlLiteral() {
            assertThatThrownBy(() -> cast(vector(STRING, "it's a \\ test"), INT))
                    .isInstanceOfSatisfying(EmberException.class,
                            e -> assertThat(e.parameters()).containsEntry("expression", "'it\\'s a \\\\ test'"));
        }

        @Test
        void timestampsAreWholeSecondsRoundedDown() {
            ColumnVector timestamps = vector(TIMESTAMP, Instant.parse("1970-01-01T00:00:01.999Z"),
                    Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2024-01-31T10:00:00Z"), null);
            assertThat(castValues(timestamps, INT)).containsExactly(1, -1, 1706695200, null);
            assertThat(castValues(timestamps, LONG)).containsExactly(1L, -1L, 1706695200L, null);
        }

        @Test
        void timestampsBeyondIntOverflow() {
            assertError(() -> cast(vector(TIMESTAMP, Instant.parse("2100-01-01T00:00:00Z")), INT), ErrorClass.CAST_OVERFLOW,
                    "[CAST_OVERFLOW] The value TIMESTAMP '2100-01-01 00:00:00' of the type \"TIMESTAMP\" cannot be cast to"
                            + " \"INT\" due to an overflow. SQLSTATE: 22003");
        }
    }

    @Nested
    class ToLong {
        @Test
        void intsWiden() {
            assertThat(castValues(vector(INT, Integer.MIN_VALUE, 0, Integer.MAX_VALUE, null), LONG))
                    .containsExactly((long) Integer.MIN_VALUE, 0L, (long) Integer.MAX_VALUE, null);
        }

        @Test
        void doublesTruncateAndKeepSparksBoundAtTwoToThe63() {
            assertThat(castValues(vector(DOUBLE, 1.9, -1.9, 9.2233720368547748E18, -9.223372036854775808E18, 9.223372036854775807E18), LONG))
                    .containsExactly(1L, -1L, 9223372036854774784L, Long.MIN_VALUE, Long.MAX_VALUE);
            assertOverflow(() -> cast(vector(DOUBLE, 1.0E19), LONG), "1.0E19D", "\"DOUBLE\"", "\"BIGINT\"");
            assertOverflow(() -> cast(vector(DOUBLE, -9.223372036854778E18), LONG), "-9.223372036854778E18D", "\"DOUBLE\"",
                    "\"BIGINT\"");
            assertOverflow(() -> cast(vector(DOUBLE, Double.NaN), LONG), "NaN", "\"DOUBLE\"", "\"BIGINT\"");
        }

        @Test
        void decimalsTruncate() {
            DecimalType type = new DecimalType(38, 3);
            assertThat(castValues(vector(type, new BigDecimal("-9223372036854775808.999"), new BigDecimal("9223372036854775807.999"),
                    new BigDecimal("-0.5")), LONG))
                    .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
            assertOverflow(() -> cast(vector(type, new BigDecimal("-9223372036854775809.000")), LONG),
                    "-9223372036854775809.000BD", "\"DECIMAL(38,3)\"", "\"BIGINT\"");
        }

        @Test
        void stringsCoverTheWholeRange() {
            assertThat(castValues(vector(STRING, "-9223372036854775808", "9223372036854775807", " +1 ", null), LONG))
                    .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE, 1L, null);
            assertMalformed(() -> cast(vector(STRING, "9223372036854775808"), LONG), "'9223372036854775808'", "\"STRING\"", "\"BIGINT\"");
            assertMalformed(() -> cast(vector(STRING, "-9223372036854775809"), LONG), "'-9223372036854775809'", "\"STRING\"",
                    "\"BIGINT\"");
            assertMalformed(() -> cast(vector(STRING, "99999999999999999999999"), LONG), "'99999999999999999999999'", "\"STRING\"",
                    "\"BIGINT\"");
        }
    }

    @Nested
    class ToDouble {
        @Test
        void numbersConvertAsJavaDoes() {
            assertThat(castValues(vector(BOOLEAN, true, false, null), DOUBLE)).containsExactly(1.0, 0.0, null);
            assertThat(castValues(vector(INT, Integer.MIN_VALUE, -1, null), DOUBLE)).containsExactly(-2147483648.0, -1.0, null);
            assertThat(castValues(vector(LONG, Long.MAX_VALUE, (1L << 53) + 1, null), DOUBLE))
                    .containsExactly(9.223372036854775807E18, 9.007199254740992E15, null);
            assertThat(castValues(vector(new DecimalType(38, 18), new BigDecimal("0.100000000000000000"), null), DOUBLE))
                    .containsExactly(0.1, null);
        }

        @Test
        void stringsAcceptJavaSyntaxAndSparksSpecialWords() {
            assertThat(castValues(vector(STRING, "1e3", " 1.5 ", "-0", "1.5d", "2F", "0x1p3", ".5", "5.", "+1E-2", null), DOUBLE))
                    .containsExactly(1000.0, 1.5, -0.0, 1.5, 2.0, 8.0, 0.5, 5.0, 0.01, null);
            assertThat(castValues(vector(STRING, "Infinity", "inf", "INF", "+Infinity", " +inf ", "-inf", "-INFINITY"), DOUBLE))
                    .containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                            Double.NEGATIVE_INFINITY);
            assertThat(castValues(vector(STRING, "NaN", "nan", "NAN", "-NaN"), DOUBLE)).allMatch(v -> Double.isNaN((Double) v));
        }

        @Test
        void otherStringsAreMalformed() {
            for (String text : List.of("abc", "1,5", "", "1e", "infinit", "+nan", "1.5.2")) {
                assertThatThrownBy(() -> cast(vector(STRING, text), DOUBLE))
                        .as(text)
                        .isInstanceOfSatisfying(EmberException.class,
                                e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_INVALID_INPUT));
            }
            assertMalformed(() -> cast(vector(STRING, "1,5"), DOUBLE), "'1,5'", "\"STRING\"", "\"DOUBLE\"");
        }

        @Test
        void timestampsAreSecondsWithFraction() {
            assertThat(castValues(vector(TIMESTAMP, Instant.parse("1970-01-01T00:00:01.5Z"), Instant.parse("1969-12-31T23:59:59.75Z")),
                    DOUBLE)).containsExactly(1.5, -0.25);
        }
    }

    @Nested
    class ToDecimal {
        private final DecimalType money = new DecimalType(5, 2);

        @Test
        void integersGetTheScale() {
            assertThat(castValues(vector(INT, 1, -999, null), money)).containsExactly(new BigDecimal("1.00"), new BigDecimal("-999.00"), null);
            assertThat(castValues(vector(LONG, Long.MIN_VALUE), new DecimalType(20, 0)))
                    .containsExactly(new BigDecimal("-9223372036854775808"));
            assertThat(castValues(vector(BOOLEAN, true, false, null), money))
                    .containsExactly(new BigDecimal("1.00"), new BigDecimal("0.00"), null);
        }

        @Test
        void tooManyIntegralDigitsAreOutOfRange() {
            assertError(() -> cast(vector(INT, 1000), money), ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE,
                    "[NUMERIC_VALUE_OUT_OF_RANGE] The value 1000 cannot be represented as decimal(5,2). SQLSTATE: 22003");
            assertThat(castValues(vector(BOOLEAN, false), new DecimalType(1, 1))).containsExactly(new BigDecimal("0.0"));
            assertThatThrownBy(() -> cast(vector(BOOLEAN, false, true), new DecimalType(1, 1)))
                    .isInstanceOfSatisfying(EmberException.class,
                            e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE));
        }

        @Test
        void doublesUseTheirShortestDecimalFormAndRoundHalfUp() {
            assertThat(castValues(vector(DOUBLE, 0.1, 1.005, -1.005, 2.5E-3, -0.0, 999.994, null), money))
                    .containsExactly(new BigDecimal("0.10"), new BigDecimal("1.01"), new BigDecimal("-1.01"),
                            new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("999.99"), null);
            assertThatThrownBy(() -> cast(vector(DOUBLE, 999.995), money))
                    .isInstanceOfSatisfying(EmberException.class,
                            e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE));
        }

        @Test
        void nanAndInfinityBecomeNullAsInSpark() {
            ColumnVector result = cast(vector(DOUBLE, Double.NaN, 1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), money);
            assertThat(values(result)).containsExactly(null, new BigDecimal("1.00"), null, null);
            assertThat(result.isNull(1)).isFalse();
        }

        @Test
        void decimalsRoundHalfUpAwayFromZero() {
            DecimalType three = new DecimalType(6, 3);
            assertThat(castValues(vector(three, new BigDecimal("1.255"), new BigDecimal("-1.255"), new BigDecimal("1.254"), null), money))
                    .containsExactly(new BigDecimal("1.26"), new BigDecimal("-1.26"), new BigDecimal("1.25"), null);
            assertThat(castValues(vector(money, new BigDecimal("1.50")), new DecimalType(10, 4))).containsExactly(new BigDecimal("1.5000"));
            assertError(() -> cast(vector(three, new BigDecimal("999.995")), money), ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE,
                    "[NUMERIC_VALUE_OUT_OF_RANGE] The value 999.995 cannot be represented as decimal(5,2). SQLSTATE: 22003");
        }

        @Test
        void stringsParseAsBigDecimalAfterTrimming() {
            assertThat(castValues(vector(STRING, "1e2", " 1.5 ", "+.5", "5.", "-0.005", "1E-999999999", "0e-5", null), money))
                    .containsExactly(new BigDecimal("100.00"), new BigDecimal("1.50"), new BigDecimal("0.50"), new BigDecimal("5.00"),
                            new BigDecimal("-0.01"), new BigDecimal("0.00"), new BigDecimal("0.00"), null);
        }

        @Test
        void malformedAndHugeStrings() {
            assertMalformed(() -> cast(vector(STRING, "1.5d"), money), "'1.5d'", "\"STRING\"", "\"DECIMAL(5,2)\"");
            assertMalformed(() -> cast(vector(STRING, "NaN"), money), "'NaN'", "\"STRING\"", "\"DECIMAL(5,2)\"");
            assertMalformed(() -> cast(vector(STRING, ""), money), "''", "\"STRING\"", "\"DECIMAL(5,2)\"");
            assertError(() -> cast(vector(STRING, "1e999999999"), money), ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE,
                    "[NUMERIC_VALUE_OUT_OF_RANGE] The value 1e999999999 cannot be represented as decimal(5,2). SQLSTATE: 22003");
            assertThatThrownBy(() -> cast(vector(STRING, "1000"), money))
                    .isInstanceOfSatisfying(EmberException.class,
                            e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE));
        }

        @Test
        void timestampsGoThroughSecondsAsDouble() {
            assertThat(castValues(vector(TIMESTAMP, Instant.parse("1970-01-01T00:00:01.125Z")), new DecimalType(10, 2)))
                    .containsExactly(new BigDecimal("1.13"));
        }
    }

    @Nested
    class ToStringForm {
        @Test
        void booleansAndIntegers() {
            assertThat(castValues(vector(BOOLEAN, true, false, null), STRING)).containsExactly("true", "false", null);
            assertThat(castValues(vector(INT, 0, -7, Integer.MIN_VALUE, Integer.MAX_VALUE, null), STRING))
                    .containsExactly("0", "-7", "-2147483648", "2147483647", null);
            assertThat(castValues(vector(LONG, Long.MIN_VALUE, Long.MAX_VALUE, 10L, null), STRING))
                    .containsExactly("-9223372036854775808", "9223372036854775807", "10", null);
        }

        @Test
        void doublesPrintAsJavaDoes() {
            assertThat(castValues(vector(DOUBLE, 1.0, 1.0E10, 12345678.0, 1234567.0, 0.001, 1.0E-4, 0.1 + 0.2, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, null), STRING))
                    .containsExactly("1.0", "1.0E10", "1.2345678E7", "1234567.0", "0.001", "1.0E-4", "0.30000000000000004", "NaN",
                            "Infinity", "-Infinity", "-0.0", "4.9E-324", "1.7976931348623157E308", null);
            assertThat(Casts.toSparkString(1.5)).isEqualTo("1.5");
        }

        @Test
        void decimalsPrintPlainAtTheirScale() {
            assertThat(castValues(vector(new DecimalType(5, 2), new BigDecimal("1.5"), new BigDecimal("0"), new BigDecimal("-0.5"), null),
                    STRING)).containsExactly("1.50", "0.00", "-0.50", null);
            assertThat(castValues(vector(new DecimalType(38, 18), new BigDecimal("0")), STRING)).containsExactly("0.000000000000000000");
            assertThat(castValues(vector(new DecimalType(38, 0), new BigDecimal("1E+20")), STRING))
                    .containsExactly("100000000000000000000");
            assertThat(Casts.toSparkString(new BigDecimal("1E+3"))).isEqualTo("1000");
        }

        @Test
        void datesPrintIsoWithSignedYearsOutsideFourDigits() {
            assertThat(castValues(vector(DATE, LocalDate.of(2024, 1, 31), LocalDate.of(1, 1, 1), LocalDate.of(1969, 12, 31),
                    LocalDate.of(10000, 1, 1), LocalDate.of(-1, 3, 4), LocalDate.of(0, 1, 1), null), STRING))
                    .containsExactly("2024-01-31", "0001-01-01", "1969-12-31", "+10000-01-01", "-0001-03-04", "0000-01-01", null);
            assertThat(Casts.dateToString(0)).isEqualTo("1970-01-01");
        }

        @Test
        void timestampsPrintInTheZoneWithTrimmedFraction() {
            ColumnVector timestamps = vector(TIMESTAMP, Instant.parse("2024-01-31T10:00:00Z"), Instant.parse("2024-01-31T10:00:00.5Z"),
                    Instant.parse("2024-01-31T10:00:00.123456Z"), Instant.parse("2024-01-31T10:00:00.000010Z"),
                    Instant.parse("1969-12-31T23:59:59.999999Z"), null);
            assertThat(castValues(timestamps, STRING)).containsExactly("2024-01-31 10:00:00", "2024-01-31 10:00:00.5",
                    "2024-01-31 10:00:00.123456", "2024-01-31 10:00:00.00001", "1969-12-31 23:59:59.999999", null);
            assertThat(values(Casts.cast(timestamps, STRING, source(TIMESTAMP), ZoneId.of("Asia/Kolkata"))).get(0))
                    .isEqualTo("2024-01-31 15:30:00");
            assertThat(Casts.timestampToString(Instant.parse("2024-07-01T10:00:00Z").toEpochMilli() * 1000, ZoneId.of("Europe/Paris")))
                    .isEqualTo("2024-07-01 12:00:00");
            assertThat(Casts.timestampToString(Instant.parse("2024-01-01T10:00:00Z").toEpochMilli() * 1000, ZoneId.of("Europe/Paris")))
                    .isEqualTo("2024-01-01 11:00:00");
        }

        @Test
        void arraysPrintElementsWithNullsSpelledOut() {
            ArrayType ints = new ArrayType(INT, true);
            assertThat(castValues(vector(ints, List.of(1, 2), Arrays.asList(1, null, 3), List.of(), Arrays.asList((Object) null), null),
                    STRING)).containsExactly("[1, 2]", "[1, null, 3]", "[]", "[null]", null);
            ArrayType nested = new ArrayType(ints, true);
            assertThat(castValues(vector(nested, Arrays.asList(List.of(1), null, List.of())), STRING)).containsExactly("[[1], null, []]");
            assertThat(castValues(vector(new ArrayType(STRING, true), List.of("a", "b c", "ü")), STRING)).containsExactly("[a, b c, ü]");
            assertThat(castValues(vector(new ArrayType(DOUBLE, true), List.of(1.0, 1.0E10)), STRING)).containsExactly("[1.0, 1.0E10]");
            assertThat(castValues(vector(new ArrayType(new DecimalType(4, 2), true), List.of(new BigDecimal("1.5"))), STRING))
                    .containsExactly("[1.50]");
            assertThat(castValues(vector(new ArrayType(DATE, true), List.of(LocalDate.of(2024, 1, 31))), STRING))
                    .containsExactly("[2024-01-31]");
            assertThat(Casts.toSparkString(vector(ints, Arrays.asList(1, null)), 0, ZoneOffset.UTC)).isEqualTo("[1, null]");
        }

        @Test
        void binaryKeepsItsRawBytes() {
            byte[] bytes = "héllo".getBytes(StandardCharsets.UTF_8);
            ColumnVector result = cast(vector(BINARY, bytes, new byte[0], null), STRING);
            assertThat(result.type()).isEqualTo(STRING);
            assertThat(values(result)).containsExactly("héllo", "", null);
        }

        @Test
        void manyValuesGrowTheBuffer() {
            VectorBuilder builder = VectorBuilder.create(LONG, 10_000);
            for (long i = 0; i < 10_000; i++) {
                builder.appendObject(i * 1_000_003L - 5_000_000_000L);
            }
            ColumnVector longs = builder.build();
            ColumnVector roundTrip = cast(cast(longs, STRING), LONG);
            assertThat(values(roundTrip)).isEqualTo(values(longs));
        }
    }

    @Nested
    class ToBinary {
        @Test
        void stringsKeepTheirBytes() {
            ColumnVector result = cast(vector(STRING, "ab", "", null), BINARY);
            assertThat(result.type()).isEqualTo(BINARY);
            assertThat((byte[]) result.getObject(0)).containsExactly('a', 'b');
            assertThat((byte[]) result.getObject(1)).isEmpty();
            assertThat(result.isNull(2)).isTrue();
        }
    }

    @Nested
    class ToDate {
        @Test
        void stringsInSparksForms() {
            assertThat(castValues(vector(STRING, "2024-01-31", "2024-1-5", "2024", "2024-02", " 2024-01-31 ", "2024-01-31T10:00:00",
                    "2024-01-31 anything", "+2024-01-31", "12024-01-01", "-0044-03-15", "0001-01-01", null), DATE))
                    .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 1),
                            LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31),
                            LocalDate.of(2024, 1, 31), LocalDate.of(12024, 1, 1), LocalDate.of(-44, 3, 15), LocalDate.of(1, 1, 1), null);
        }

        @Test
        void otherStringsAreMalformed() {
            for (String text : List.of("2024-02-30", "2024-13-01", "2024-00-10", "24-01-01", "2024/01/31", "", "  ", "2024-01-31x",
                    "2024-01 10:00", "2024 1", "2024-001-01", "2024-01-011", "12345678-01-01", "-", "T", "2024-01-")) {
                assertThatThrownBy(() -> cast(vector(STRING, text), DATE))
                        .as(text)
                        .isInstanceOfSatisfying(EmberException.class,
                                e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_INVALID_INPUT));
            }
            assertError(() -> cast(vector(STRING, "2024-02-30"), DATE), ErrorClass.CAST_INVALID_INPUT,
                    "[CAST_INVALID_INPUT] The value '2024-02-30' of the type \"STRING\" cannot be cast to \"DATE\" because it is"
                            + " malformed. Correct the value as per the syntax, or change its target type. SQLSTATE: 22018");
        }

        @Test
        void timestampsTakeTheirDayInTheZone() {
            ColumnVector timestamps = vector(TIMESTAMP, Instant.parse("2024-01-31T23:30:00Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
                    null);
            assertThat(castValues(timestamps, DATE)).containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(1969, 12, 31), null);
            assertThat(values(Casts.cast(timestamps, DATE, source(TIMESTAMP), ZoneId.of("Asia/Tokyo"))))
                    .containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(1970, 1, 1), null);
            assertThat(values(Casts.cast(timestamps, DATE, source(TIMESTAMP), ZoneOffset.ofHours(-5))))
                    .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(1969, 12, 31), null);
        }
    }

    @Nested
    class ToTimestamp {
        @Test
        void stringsWithDateTimeFractionAndZone() {
            assertThat(castValues(vector(STRING, "2024-01-31 10:00:00", "2024-01-31T10:00:00.5", "2024-01-31 10:00:00.123456789",
                    "2024-01-31", "2024", "2024-01-31 10", "2024-01-31 10:30", "2024-01-31T10:00:00Z", "2024-01-31 10:00:00+01:00",
                    "2024-01-31 10:00:00 UTC", "2024-01-31 10:00:00.25-1:00", "2024-01-31 10:00:00 Europe/Paris",
                    " 2024-01-31 10:00:00 ", "2024-1-5 1:2:3", null), TIMESTAMP))
                    .containsExactly(Instant.parse("2024-01-31T10:00:00Z"), Instant.parse("2024-01-31T10:00:00.5Z"),
                            Instant.parse("2024-01-31T10:00:00.123456Z"), Instant.parse("2024-01-31T00:00:00Z"),
                            Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-31T10:00:00Z"),
                            Instant.parse("2024-01-31T10:30:00Z"), Instant.parse("2024-01-31T10:00:00Z"),
                            Instant.parse("2024-01-31T09:00:00Z"), Instant.parse("2024-01-31T10:00:00Z"),
                            Instant.parse("2024-01-31T11:00:00.25Z"), Instant.parse("2024-01-31T09:00:00Z"),
                            Instant.parse("2024-01-31T10:00:00Z"), Instant.parse("2024-01-05T01:02:03Z"), null);
        }

        @Test
        void stringsWithoutAZoneUseTheSessionZone() {
            ColumnVector result = Casts.cast(vector(STRING, "2024-01-31 10:00:00", "2024-01-31 10:00:00Z"), TIMESTAMP, source(STRING),
                    ZoneId.of("America/New_York"));
            assertThat(values(result)).containsExactly(Instant.parse("2024-01-31T15:00:00Z"), Instant.parse("2024-01-31T10:00:00Z"));
        }

        @Test
        void aTimeAloneIsToday() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Object parsed = castValues(vector(STRING, "10:15:30"), TIMESTAMP).get(0);
            // Guard against the test running across midnight.
            if (today.equals(LocalDate.now(ZoneOffset.UTC))) {
                assertThat(parsed).isEqualTo(today.atTime(10, 15, 30).toInstant(ZoneOffset.UTC));
            }
            assertThat(castValues(vector(STRING, "T10:15"), TIMESTAMP).get(0)).isInstanceOf(Instant.class);
        }

        @Test
        void otherStringsAreMalformed() {
            for (String text : List.of("2024-01-31T", "2024-01-31 25:00:00", "2024-01-31 10:60:00", "2024-01-31 10:00Z",
                    "2024-01-31Z", "abc", "", "2024-01-31 10:00:00 Mars/Base", "2024-02-30 10:00:00", "1234567-01-01",
                    "2024-01-31 10:00:", " T10:00:00", "+10:00:00", "2024-01-31 10:00:00.5.5")) {
                assertThatThrownBy(() -> cast(vector(STRING, text), TIMESTAMP))
                        .as(text)
                        .isInstanceOfSatisfying(EmberException.class, e -> {
                            assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_INVALID_INPUT);
                            assertThat(e.parameters()).containsEntry("targetType", "\"TIMESTAMP\"");
                        });
            }
        }

        @Test
        void datesStartAtMidnightInTheZone() {
            ColumnVector dates = vector(DATE, LocalDate.of(2024, 1, 31), LocalDate.of(1969, 12, 31), null);
            assertThat(castValues(dates, TIMESTAMP))
                    .containsExactly(Instant.parse("2024-01-31T00:00:00Z"), Instant.parse("1969-12-31T00:00:00Z"), null);
            assertThat(values(Casts.cast(dates, TIMESTAMP, source(DATE), ZoneId.of("Asia/Tokyo"))))
                    .containsExactly(Instant.parse("2024-01-30T15:00:00Z"), Instant.parse("1969-12-30T15:00:00Z"), null);
        }

        @Test
        void datesTooFarOutOverflow() {
            IntVector far = new IntVector(DATE, 1, new int[] {Integer.MAX_VALUE}, null);
            assertThatThrownBy(() -> cast(far, TIMESTAMP))
                    .isInstanceOfSatisfying(EmberException.class, e -> {
                        assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_OVERFLOW);
                        assertThat(e.parameters()).containsEntry("sourceType", "\"DATE\"").containsEntry("targetType", "\"TIMESTAMP\"");
                    });
        }

        @Test
        void numbersAreSecondsSinceTheEpoch() {
            assertThat(castValues(vector(INT, 1, -1, null), TIMESTAMP))
                    .containsExactly(Instant.ofEpochSecond(1), Instant.ofEpochSecond(-1), null);
            assertThat(castValues(vector(LONG, 1706695200L, Long.MAX_VALUE, Long.MIN_VALUE), TIMESTAMP))
                    .containsExactly(Instant.parse("2024-01-31T10:00:00Z"), microsInstant(Long.MAX_VALUE), microsInstant(Long.MIN_VALUE));
            assertThat(castValues(vector(DOUBLE, 1.5, -0.000001), TIMESTAMP))
                    .containsExactly(Instant.ofEpochMilli(1500), microsInstant(-1));
            assertThat(castValues(vector(new DecimalType(10, 6), new BigDecimal("1.000001")), TIMESTAMP)).containsExactly(microsInstant(1_000_001));
        }

        @Test
        void nanAndInfinityAreMalformedAndHugeDoublesOverflow() {
            assertError(() -> cast(vector(DOUBLE, Double.NaN), TIMESTAMP), ErrorClass.CAST_INVALID_INPUT,
                    "[CAST_INVALID_INPUT] The value NaN of the type \"DOUBLE\" cannot be cast to \"TIMESTAMP\" because it is"
                            + " malformed. Correct the value as per the syntax, or change its target type. SQLSTATE: 22018");
            assertMalformed(() -> cast(vector(DOUBLE, Double.NEGATIVE_INFINITY), TIMESTAMP), "-Infinity", "\"DOUBLE\"", "\"TIMESTAMP\"");
            assertOverflow(() -> cast(vector(DOUBLE, 1.0E19), TIMESTAMP), "1.0E25D", "\"DOUBLE\"", "\"BIGINT\"");
        }
    }

    @Nested
    class Arrays_ {
        @Test
        void elementsAreCastOneByOne() {
            ArrayType strings = new ArrayType(STRING, true);
            ColumnVector arrays = vector(new ArrayType(INT, true), List.of(1, 2), Arrays.asList(null, 3), null, List.of());
            ColumnVector result = cast(arrays, strings);
            assertThat(result.type()).isEqualTo(strings);
            assertThat(values(result)).containsExactly(List.of("1", "2"), Arrays.asList(null, "3"), null, List.of());
            assertThat(values(cast(result, new ArrayType(LONG, true))))
                    .containsExactly(List.of(1L, 2L), Arrays.asList(null, 3L), null, List.of());
        }

        @Test
        void elementErrorsSurface() {
            ColumnVector arrays = vector(new ArrayType(STRING, true), List.of("1", "x"));
            assertMalformed(() -> cast(arrays, new ArrayType(INT, true)), "'x'", "\"STRING\"", "\"INT\"");
        }

        @Test
        void onlyNullabilityDiffers() {
            ColumnVector arrays = vector(new ArrayType(INT, false), List.of(1, 2));
            ColumnVector result = cast(arrays, new ArrayType(INT, true));
            assertThat(result.type()).isEqualTo(new ArrayType(INT, true));
            assertThat(values(result)).containsExactly(List.of(1, 2));
        }
    }

    @Nested
    class NullType {
        @Test
        void castsToAllNullOfTheTarget() {
            for (DataType target : List.of(INT, LONG, DOUBLE, STRING, BOOLEAN, DATE, TIMESTAMP, BINARY, new DecimalType(5, 2),
                    new ArrayType(INT, true))) {
                ColumnVector result = cast(new NullVector(3), target);
                assertThat(result.type()).isEqualTo(target);
                assertThat(result.size()).isEqualTo(3);
                assertThat(values(result)).containsExactly(null, null, null);
            }
        }

        @Test
        void arraysOfNullTypeGetTypedNullElements() {
            // Built by hand: VectorBuilder's NullBuilder reports a capacity of Integer.MAX_VALUE, so appendNull on it fails.
            ColumnVector arrays = new ArrayVector(new ArrayType(NULL, true), 1, new int[] {0, 2}, new NullVector(2), null);
            assertThat(values(cast(arrays, new ArrayType(INT, true)))).containsExactly(Arrays.asList(null, null));
        }
    }

    @Nested
    class SmallIntegrals {
        private static final DataType BYTE = AtomicType.BYTE;
        private static final DataType SHORT = AtomicType.SHORT;

        @Test
        void narrowWhenTheValueFits() {
            assertThat(castValues(vector(INT, 127, -128, null), BYTE)).containsExactly((byte) 127, (byte) -128, null);
            assertThat(castValues(vector(DOUBLE, 3.9, -3.9), SHORT)).containsExactly((short) 3, (short) -3);
            assertThat(castValues(vector(STRING, " 12 ", "-300"), SHORT)).containsExactly((short) 12, (short) -300);
        }

        @Test
        void widenLikeInt() {
            ColumnVector bytes = cast(vector(INT, 5, -7), BYTE);
            assertThat(castValues(bytes, INT)).containsExactly(5, -7);
            assertThat(castValues(bytes, LONG)).containsExactly(5L, -7L);
            assertThat(castValues(bytes, STRING)).containsExactly("5", "-7");
            assertThat(castValues(bytes, new DecimalType(4, 1))).containsExactly(new BigDecimal("5.0"), new BigDecimal("-7.0"));
        }

        @Test
        void outOfRangeOverflowsNamingTheOriginalValue() {
            assertOverflow(() -> cast(vector(INT, 1, 300), BYTE), "300", "\"INT\"", "\"TINYINT\"");
            assertOverflow(() -> cast(vector(LONG, -32769L), SHORT), "-32769L", "\"BIGINT\"", "\"SMALLINT\"");
            assertOverflow(() -> cast(vector(DOUBLE, 128.5), BYTE), "128.5D", "\"DOUBLE\"", "\"TINYINT\"");
            assertOverflow(() -> cast(cast(vector(INT, 1000), SHORT), BYTE), "1000S", "\"SMALLINT\"", "\"TINYINT\"");
        }

        @Test
        void overflowOnANullRowIsNoError() {
            ColumnVector ints = new IntVector(INT, 2, new int[] {1, 300}, new boolean[] {false, true});
            assertThat(castValues(ints, BYTE)).containsExactly((byte) 1, null);
        }

        @Test
        void stringsOutOfRangeAreMalformed() {
            assertMalformed(() -> cast(vector(STRING, "128"), BYTE), "'128'", "\"STRING\"", "\"TINYINT\"");
            assertMalformed(() -> cast(vector(STRING, "1.5"), SHORT), "'1.5'", "\"STRING\"", "\"SMALLINT\"");
        }
    }

    @Nested
    class Floats {
        private static final DataType FLOAT = AtomicType.FLOAT;

        @Test
        void roundToTheNearestFloat() {
            List<Object> floats = castValues(vector(DOUBLE, 0.1, 1e40, null), FLOAT);
            assertThat(floats).containsExactly(0.1f, Float.POSITIVE_INFINITY, null);
            assertThat(castValues(vector(STRING, " 1.5 "), FLOAT)).containsExactly(1.5f);
        }

        @Test
        void printAsFloatsAndWidenExactly() {
            ColumnVector floats = cast(vector(DOUBLE, 0.1, 1e10), FLOAT);
            assertThat(castValues(floats, STRING)).containsExactly("0.1", "1.0E10");
            assertThat(castValues(floats, DOUBLE)).containsExactly((double) 0.1f, 1e10);
            assertThat(castValues(floats, LONG)).containsExactly(0L, 10_000_000_000L);
        }
    }

    @Nested
    class Dispatch {
        @Test
        void sameTypeIsTheSameVector() {
            ColumnVector ints = vector(INT, 1, 2);
            assertThat(cast(ints, INT)).isSameAs(ints);
        }

        @Test
        void voidCastsToNullStructs() {
            StructType struct = new StructType(List.of(new StructField("a", INT, true)));
            ColumnVector nulls = cast(new NullVector(2), struct);
            assertThat(nulls.type()).isEqualTo(struct);
            assertThat(nulls.isNull(0) && nulls.isNull(1)).isTrue();
        }

        @Test
        void rejectedPairsAreInternalErrors() {
            assertThatThrownBy(() -> cast(vector(DATE, LocalDate.of(2024, 1, 1)), INT))
                    .isInstanceOfSatisfying(EmberException.class,
                            e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.INTERNAL_ERROR));
        }
    }

    @Nested
    class CanCast {
        @Test
        void followsSparksAnsiRules() {
            List<DataType> numeric = List.of(AtomicType.BYTE, AtomicType.SHORT, INT, LONG, AtomicType.FLOAT, DOUBLE, new DecimalType(10, 2));
            for (DataType from : numeric) {
                for (DataType to : numeric) {
                    assertThat(Casts.canCast(from, to)).as(from + " -> " + to).isTrue();
                }
                assertThat(Casts.canCast(from, BOOLEAN)).isTrue();
                assertThat(Casts.canCast(BOOLEAN, from)).isTrue();
                assertThat(Casts.canCast(from, STRING)).isTrue();
                assertThat(Casts.canCast(STRING, from)).isTrue();
                assertThat(Casts.canCast(from, TIMESTAMP)).isTrue();
                assertThat(Casts.canCast(TIMESTAMP, from)).isTrue();
                assertThat(Casts.canCast(from, DATE)).as(from + " -> date").isFalse();
                assertThat(Casts.canCast(DATE, from)).as("date -> " + from).isFalse();
                assertThat(Casts.canCast(from, BINARY)).isFalse();
            }
            assertThat(Casts.canCast(STRING, BINARY)).isTrue();
            assertThat(Casts.canCast(BINARY, STRING)).isTrue();
            assertThat(Casts.canCast(BINARY, INT)).isFalse();
            assertThat(Casts.canCast(STRING, DATE)).isTrue();
            assertThat(Casts.canCast(TIMESTAMP, DATE)).isTrue();
            assertThat(Casts.canCast(DATE, TIMESTAMP)).isTrue();
            assertThat(Casts.canCast(DATE, BOOLEAN)).isFalse();
            assertThat(Casts.canCast(TIMESTAMP, BOOLEAN)).isFalse();
            assertThat(Casts.canCast(BOOLEAN, TIMESTAMP)).isFalse();
            assertThat(Casts.canCast(BOOLEAN, DATE)).isFalse();
            assertThat(Casts.canCast(NULL, new ArrayType(DATE, false))).isTrue();
            assertThat(Casts.canCast(INT, NULL)).isFalse();
        }

        @Test
        void complexTypes() {
            assertThat(Casts.canCast(new ArrayType(INT, true), STRING)).isTrue();
            assertThat(Casts.canCast(new ArrayType(INT, false), new ArrayType(STRING, true))).isTrue();
            assertThat(Casts.canCast(new ArrayType(INT, false), new ArrayType(STRING, false))).isTrue();
            assertThat(Casts.canCast(new ArrayType(INT, true), new ArrayType(STRING, false))).isFalse();
            assertThat(Casts.canCast(new ArrayType(DATE, true), new ArrayType(INT, true))).isFalse();
            assertThat(Casts.canCast(new ArrayType(INT, true), INT)).isFalse();
            StructType ab = StructType.of(new StructField("a", INT, true), new StructField("b", STRING, false));
            assertThat(Casts.canCast(ab, StructType.of(new StructField("x", LONG, true), new StructField("y", INT, true)))).isTrue();
            assertThat(Casts.canCast(ab, StructType.of(new StructField("x", LONG, false), new StructField("y", INT, true)))).isFalse();
            assertThat(Casts.canCast(ab, StructType.of(new StructField("x", LONG, true)))).isFalse();
            assertThat(Casts.canCast(ab, STRING)).isTrue();
        }

        @Test
        void mismatchDetailsSuggestWhatSparkSuggests() {
            assertThat(Casts.castMismatchDetail(DATE, INT)).isEqualTo("cannot cast \"DATE\" to \"INT\". To convert values from \"DATE\""
                    + " to \"INT\", you can use the functions `UNIX_DATE` instead");
            assertThat(Casts.castMismatchDetail(LONG, DATE)).isEqualTo("cannot cast \"BIGINT\" to \"DATE\". To convert values from"
                    + " \"BIGINT\" to \"DATE\", you can use the functions `DATE_FROM_UNIX_DATE` instead");
            assertThat(Casts.castMismatchDetail(TIMESTAMP, BOOLEAN)).isEqualTo("cannot cast \"TIMESTAMP\" to \"BOOLEAN\" with ANSI mode"
                    + " on. If you have to cast \"TIMESTAMP\" to \"BOOLEAN\", you can set \"spark.sql.ansi.enabled\" as 'false'");
            assertThat(Casts.castMismatchDetail(BINARY, INT)).isEqualTo("cannot cast \"BINARY\" to \"INT\"");
        }

        @Test
        void sqlTypeNames() {
            assertThat(Casts.toSqlType(LONG)).isEqualTo("\"BIGINT\"");
            assertThat(Casts.toSqlType(INT)).isEqualTo("\"INT\"");
            assertThat(Casts.toSqlType(NULL)).isEqualTo("\"VOID\"");
            assertThat(Casts.toSqlType(new DecimalType(10, 2))).isEqualTo("\"DECIMAL(10,2)\"");
            assertThat(Casts.toSqlType(new ArrayType(new ArrayType(STRING, true), true))).isEqualTo("\"ARRAY<ARRAY<STRING>>\"");
            assertThat(Casts.toSqlType(StructType.of(new StructField("a", INT, true), new StructField("b c", DATE, true))))
                    .isEqualTo("\"STRUCT<a: INT, `b c`: DATE>\"");
        }
    }

    @Test
    void stringVectorsWithSharedBytesParseTheirOwnSlices() {
        StringVector strings = StringVector.of("12", "x", "34");
        ColumnVector slice = strings.gather(new int[] {2, 0}, 2);
        assertThat(castValues(slice, INT)).containsExactly(34, 12);
    }

    // ------------------------------------------------------------------------------------------

    private static ColumnVector cast(ColumnVector vector, DataType target) {
        return Casts.cast(vector, target, source(vector.type()));
    }

    private static List<Object> castValues(ColumnVector vector, DataType target) {
        ColumnVector result = cast(vector, target);
        assertThat(result.type()).isEqualTo(target);
        assertThat(result.size()).isEqualTo(vector.size());
        return values(result);
    }

    private static Expression source(DataType type) {
        return new BoundReference(0, type, true, "c");
    }

    private static ColumnVector vector(DataType type, Object... values) {
        VectorBuilder builder = VectorBuilder.create(type, values.length);
        for (Object value : values) {
            builder.appendObject(value);
        }
        return builder.build();
    }

    private static List<Object> values(ColumnVector vector) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++) {
            values.add(vector.getObject(i));
        }
        return values;
    }

    private static Instant microsInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static void assertError(ThrowingCallable call, ErrorClass errorClass, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(errorClass))
                .hasMessage(message);
    }

    private static void assertOverflow(ThrowingCallable call, String value, String sourceType, String targetType) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EmberException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_OVERFLOW);
            assertThat(e.parameters()).containsEntry("value", value).containsEntry("sourceType", sourceType)
                    .containsEntry("targetType", targetType);
        });
    }

    private static void assertMalformed(ThrowingCallable call, String expression, String sourceType, String targetType) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EmberException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_INVALID_INPUT);
            assertThat(e.parameters()).containsEntry("expression", expression).containsEntry("sourceType", sourceType)
                    .containsEntry("targetType", targetType);
        });
    }
}
