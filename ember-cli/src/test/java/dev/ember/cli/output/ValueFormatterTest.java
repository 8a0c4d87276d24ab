package dev.ember.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.cli.output.ValueFormatter.Style;
import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {
    private static final ZoneId CHATHAM = ZoneId.of("Pacific/Chatham");
    private final ValueFormatter show = new ValueFormatter(Style.SHOW, CHATHAM);
    private final ValueFormatter cast = new ValueFormatter(Style.CAST, CHATHAM);

    @Test
    void printsNullAsShowAndCastDo() {
        assertThat(show.format(null, DataTypes.IntegerType)).isEqualTo("NULL");
        assertThat(cast.format(null, DataTypes.IntegerType)).isNull();
        assertThat(show.format(Arrays.asList(1, null), new ArrayType(DataTypes.IntegerType, true))).isEqualTo("[1, NULL]");
        assertThat(cast.format(Arrays.asList(1, null), new ArrayType(DataTypes.IntegerType, true))).isEqualTo("[1, null]");
    }

    @Test
    void printsFloatingPointAsJavaDoes() {
        assertThat(show.format(1e10, DataTypes.DoubleType)).isEqualTo("1.0E10");
        assertThat(show.format(1e-5, DataTypes.DoubleType)).isEqualTo("1.0E-5");
        assertThat(show.format(1234567.0, DataTypes.DoubleType)).isEqualTo("1234567.0");
        assertThat(show.format(1e7, DataTypes.DoubleType)).isEqualTo("1.0E7");
        assertThat(show.format(Double.POSITIVE_INFINITY, DataTypes.DoubleType)).isEqualTo("Infinity");
        assertThat(show.format(0.1f, DataTypes.FloatType)).isEqualTo("0.1");
        assertThat(show.format(3.4028235E38f, DataTypes.FloatType)).isEqualTo("3.4028235E38");
        // A float carried as a double still prints as a float.
        assertThat(show.format((double) 0.1f, DataTypes.FloatType)).isEqualTo("0.1");
    }

    @Test
    void printsDecimalsPlainWithTheirTypeScale() {
        assertThat(show.format(new BigDecimal("0E-10"), DataTypes.createDecimalType(10, 10))).isEqualTo("0.0000000000");
        assertThat(show.format(new BigDecimal("1.5"), DataTypes.createDecimalType(3, 2))).isEqualTo("1.50");
        assertThat(show.format(new BigDecimal("1.2345678901234567890E+19"), DataTypes.createDecimalType(38, 0)))
                .isEqualTo("12345678901234567890");
        assertThat(show.format(new BigDecimal("123.456"), DataTypes.createDecimalType(38, 18)))
                .isEqualTo("123.456000000000000000");
    }

    @Test
    void printsDatesAndTimestampsInTheSessionTimeZone() {
        assertThat(show.format(LocalDate.of(1, 1, 1), DataTypes.DateType)).isEqualTo("0001-01-01");
        assertThat(show.format(LocalDate.of(2024, 2, 29), DataTypes.DateType)).isEqualTo("2024-02-29");
        assertThat(show.format(SampleResults.chatham(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1_000)), DataTypes.TimestampType))
                .isEqualTo("1969-12-31 23:59:59.000001");
        assertThat(show.format(SampleResults.chatham(LocalDateTime.of(2020, 1, 1, 0, 0)), DataTypes.TimestampType))
                .isEqualTo("2020-01-01 00:00:00");
        // Nanoseconds beyond Spark's microseconds are cut, not rounded.
        assertThat(new ValueFormatter(Style.SHOW, ZoneOffset.UTC)
                .format(LocalDateTime.of(2020, 6, 1, 0, 0, 0, 999_999_999).toInstant(ZoneOffset.UTC), DataTypes.TimestampType))
                .isEqualTo("2020-06-01 00:00:00.999999");
        // June is standard time in Chatham: +12:45.
        assertThat(show.format(LocalDateTime.of(2020, 6, 1, 0, 0).toInstant(ZoneOffset.UTC), DataTypes.TimestampType))
                .isEqualTo("2020-06-01 12:45:00");
    }

    @Test
    void printsBinaryAsHexInShowAndAsTextInCast() {
        assertThat(show.format(new byte[] {0x00, (byte) 0xFF}, DataTypes.BinaryType)).isEqualTo("[00 FF]");
        assertThat(show.format(new byte[0], DataTypes.BinaryType)).isEqualTo("[]");
        assertThat(cast.format(new byte[] {0x68, 0x69}, DataTypes.BinaryType)).isEqualTo("hi");
        assertThat(show.format(List.of(new byte[] {0x00, (byte) 0xFF}), new ArrayType(DataTypes.BinaryType, true)))
                .isEqualTo("[[00 FF]]");
    }

    @Test
    void printsNestedValues() {
        assertThat(show.format(Arrays.asList(List.of(1.5), null), new ArrayType(new ArrayType(DataTypes.DoubleType, true), true)))
                .isEqualTo("[[1.5], NULL]");
        assertThat(show.format(List.of(), new ArrayType(DataTypes.IntegerType, true))).isEqualTo("[]");
        assertThat(show.format(Row.of(1, null), SampleResults.STRUCT)).isEqualTo("{1, NULL}");
        assertThat(cast.format(Row.of(1, "a"), SampleResults.STRUCT)).isEqualTo("{1, a}");
        assertThat(show.format(Map.of("k", 1), null)).isEqualTo("{k -> 1}");
        assertThat(show.format(List.of(LocalDate.of(2020, 1, 1)), new ArrayType(DataTypes.DateType, true)))
                .isEqualTo("[2020-01-01]");
    }
}
