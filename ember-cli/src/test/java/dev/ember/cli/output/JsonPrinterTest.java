package dev.ember.cli.output;

import static dev.ember.cli.output.SampleResults.CHATHAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPrinterTest {
    @Test
    void writesRowsAsSparkToJsonDoes() throws IOException {
        // Spark 4.2, df.toJSON() for the query in SampleResults.
        assertThat(print(SampleResults.SCHEMA, List.of(SampleResults.ROW), CHATHAM)).isEqualTo(
                "{\"x\":1,\"d\":1.0E10,\"f\":1.5,\"dz\":0E-10,\"dec\":1.50,\"dt\":\"2024-01-02\","
                        + "\"ts\":\"2024-01-02T03:04:05.120+13:45\",\"bin\":\"aGVsbG8=\",\"arr\":[1,null,3],"
                        + "\"sarr\":[\"a\",null],\"st\":{\"a\":1},\"esc\":\"a\\tb\\nc\",\"wide\":\"日本\",\"b\":true,"
                        + "\"nan\":\"NaN\"}\n");
    }

    @Test
    void writesOneLinePerRowAndNothingForNoRows() throws IOException {
        StructType schema = StructType.of(
                DataTypes.createStructField("id", DataTypes.LongType, false),
                DataTypes.createStructField("name", DataTypes.StringType, true));

        assertThat(print(schema, List.of(Row.of(1L, "a"), Row.of(2L, null)), CHATHAM))
                .isEqualTo("{\"id\":1,\"name\":\"a\"}\n{\"id\":2}\n");
        assertThat(print(schema, List.of(), CHATHAM)).isEmpty();
    }

    @Test
    void writesUtcTimestampsWithZAndDecimalsWithTheirTypeScale() throws IOException {
        StructType schema = StructType.of(
                DataTypes.createStructField("ts", DataTypes.TimestampType, false),
                DataTypes.createStructField("amount", DataTypes.createDecimalType(10, 2), false),
                DataTypes.createStructField("nested", new ArrayType(new ArrayType(DataTypes.DoubleType, true), true), false));
        Row row = Row.of(
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000).toInstant(ZoneOffset.UTC),
                new BigDecimal("3.5"),
                Arrays.asList(List.of(1.5), null));

        assertThat(print(schema, List.of(row), ZoneOffset.UTC)).isEqualTo(
                "{\"ts\":\"1969-12-31T23:59:59.999Z\",\"amount\":3.50,\"nested\":[[1.5],null]}\n");
    }

    private static String print(StructType schema, List<Row> rows, java.time.ZoneId zone) throws IOException {
        StringWriter out = new StringWriter();
        ResultPrinter.create(OutputFormat.JSON, out, zone).print(schema, rows);
        return out.toString();
    }
}
