package dev.ember.cli.output;

import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * A row of every kind of value, as the engine returns them, for the query Spark 4.2 ran to produce
 * the expected outputs in the printer tests:
 *
 * <pre>
 * SELECT 1 AS x, CAST(NULL AS INT) AS n, 1e10 AS d, CAST(1.5 AS FLOAT) AS f,
 *        CAST(0 AS DECIMAL(10,10)) AS dz, 1.50BD AS dec, DATE'2024-01-02' AS dt,
 *        TIMESTAMP'2024-01-02 03:04:05.120' AS ts, X'68656C6C6F' AS bin, array(1, NULL, 3) AS arr,
 *        array('a', NULL) AS sarr, named_struct('a', 1, 'b', CAST(NULL AS STRING)) AS st,
 *        'a\tb\nc' AS esc, '日本' AS wide, true AS b, CAST('NaN' AS DOUBLE) AS nan
 * </pre>
 *
 * with {@code spark.sql.session.timeZone=Pacific/Chatham}.
 */
final class SampleResults {
    static final ZoneId CHATHAM = ZoneId.of("Pacific/Chatham");

    static final StructType STRUCT = StructType.of(
            DataTypes.createStructField("a", DataTypes.IntegerType, false),
            DataTypes.createStructField("b", DataTypes.StringType, true));

    static final StructType SCHEMA = new StructType(List.of())
            .add("x", DataTypes.IntegerType, false)
            .add("n", DataTypes.IntegerType)
            .add("d", DataTypes.DoubleType, false)
            .add("f", DataTypes.FloatType, false)
            .add("dz", DataTypes.createDecimalType(10, 10), false)
            .add("dec", DataTypes.createDecimalType(3, 2), false)
            .add("dt", DataTypes.DateType, false)
            .add("ts", DataTypes.TimestampType, false)
            .add("bin", DataTypes.BinaryType, false)
            .add("arr", new ArrayType(DataTypes.IntegerType, true), false)
            .add("sarr", new ArrayType(DataTypes.StringType, true), false)
            .add("st", STRUCT, false)
            .add("esc", DataTypes.StringType, false)
            .add("wide", DataTypes.StringType, false)
            .add("b", DataTypes.BooleanType, false)
            .add("nan", DataTypes.DoubleType, false);

    static final Row ROW = Row.of(
            1,
            null,
            1e10,
            1.5f,
            new BigDecimal("0E-10"),
            new BigDecimal("1.50"),
            LocalDate.of(2024, 1, 2),
            chatham(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000)),
            "hello".getBytes(StandardCharsets.UTF_8),
            Arrays.asList(1, null, 3),
            Arrays.asList("a", null),
            Row.of(1, null),
            "a\tb\nc",
            "日本",
            true,
            Double.NaN);

    private SampleResults() {
    }

    static Instant chatham(LocalDateTime local) {
        return local.atZone(CHATHAM).toInstant();
    }
}
