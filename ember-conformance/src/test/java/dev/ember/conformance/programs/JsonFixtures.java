package dev.ember.conformance.programs;

import dev.ember.parser.SqlParser;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The rows the JSON writer programs write, built alike on both engines: every type Spark writes to JSON, with nulls. */
final class JsonFixtures {
    static final String SCHEMA = "i INT, l BIGINT, d DOUBLE, m DECIMAL(5,2), s STRING, b BOOLEAN, day DATE, ts TIMESTAMP, "
            + "bin BINARY, arr ARRAY<INT>, st STRUCT<x: INT, y: STRING>";

    private JsonFixtures() {
    }

    static Dataset<Row> values(SparkSession spark) {
        return spark.createDataFrame(List.of(
                RowFactory.create(1, 2L, 1.5, new BigDecimal("12.30"), "plain", true, LocalDate.of(2024, 2, 29),
                        Instant.parse("2024-02-29T12:34:56.789Z"), "hi".getBytes(StandardCharsets.UTF_8), List.of(1, 2), RowFactory.create(7, "s")),
                RowFactory.create(-2, null, Double.NaN, new BigDecimal("-0.05"), "q\"uote\\back\nline\ttab\u0001é", false, LocalDate.of(1969, 12, 31),
                        Instant.parse("1969-12-31T23:59:59Z"), new byte[0], java.util.Arrays.asList(3, null), RowFactory.create(null, null)),
                RowFactory.create(3, Long.MIN_VALUE, Double.NEGATIVE_INFINITY, new BigDecimal("999.99"), "", null, null,
                        Instant.parse("2000-01-01T00:00:00Z"), null, List.of(), null),
                RowFactory.create(null, null, 1.0e-7, null, null, null, null, null, null, null, null)),
                StructType.fromDDL(SCHEMA));
    }

    static DataFrame values(EmberSession ember) {
        return ember.createDataFrame(List.of(
                dev.ember.sql.Row.of(1, 2L, 1.5, new BigDecimal("12.30"), "plain", true, LocalDate.of(2024, 2, 29),
                        Instant.parse("2024-02-29T12:34:56.789Z"), "hi".getBytes(StandardCharsets.UTF_8), List.of(1, 2), dev.ember.sql.Row.of(7, "s")),
                dev.ember.sql.Row.of(-2, null, Double.NaN, new BigDecimal("-0.05"), "q\"uote\\back\nline\ttab\u0001é", false, LocalDate.of(1969, 12, 31),
                        Instant.parse("1969-12-31T23:59:59Z"), new byte[0], java.util.Arrays.asList(3, null), dev.ember.sql.Row.of(null, null)),
                dev.ember.sql.Row.of(3, Long.MIN_VALUE, Double.NEGATIVE_INFINITY, new BigDecimal("999.99"), "", null, null,
                        Instant.parse("2000-01-01T00:00:00Z"), null, List.of(), null),
                dev.ember.sql.Row.of(null, null, 1.0e-7, null, null, null, null, null, null, null, null)),
                SqlParser.parseTableSchema(SCHEMA));
    }

    /** A path for one program's output in a new temporary directory: it does not exist yet, as writers want. */
    static String newDirectory() {
        try {
            return Files.createTempDirectory("ember-json-conformance").resolve("out").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String under(String directory, String name) {
        return Path.of(directory, name).toString();
    }
}
