package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/** toJSON: numbers, decimals, dates, booleans, escaped strings, NULL fields left out; and of a CSV file. */
public final class ToJsonProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> values = spark.createDataFrame(List.of(
                        RowFactory.create(1, 2L, 1.5, 1.0e10, new BigDecimal("12.30"), "plain", true, LocalDate.of(2024, 2, 29)),
                        RowFactory.create(-2, null, -0.0, 1.0e-7, new BigDecimal("-0.05"), "q\"uote\\back\nline\ttab\u0001é/", false, null),
                        RowFactory.create(null, null, null, null, null, null, null, null)),
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("i", DataTypes.IntegerType, true),
                        DataTypes.createStructField("l", DataTypes.LongType, true),
                        DataTypes.createStructField("d", DataTypes.DoubleType, true),
                        DataTypes.createStructField("e", DataTypes.DoubleType, true),
                        DataTypes.createStructField("m", DataTypes.createDecimalType(5, 2), true),
                        DataTypes.createStructField("s", DataTypes.StringType, true),
                        DataTypes.createStructField("b", DataTypes.BooleanType, true),
                        DataTypes.createStructField("day", DataTypes.DateType, true))));
        return values.toJSON().toDF().union(Fixtures.orders(spark).toJSON().toDF());
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame values = ember.createDataFrame(List.of(
                        dev.ember.sql.Row.of(1, 2L, 1.5, 1.0e10, new BigDecimal("12.30"), "plain", true, LocalDate.of(2024, 2, 29)),
                        dev.ember.sql.Row.of(-2, null, -0.0, 1.0e-7, new BigDecimal("-0.05"), "q\"uote\\back\nline\ttab\u0001é/", false, null),
                        dev.ember.sql.Row.of(null, null, null, null, null, null, null, null)),
                dev.ember.sql.types.DataTypes.createStructType(List.of(
                        dev.ember.sql.types.DataTypes.createStructField("i", dev.ember.sql.types.DataTypes.IntegerType, true),
                        dev.ember.sql.types.DataTypes.createStructField("l", dev.ember.sql.types.DataTypes.LongType, true),
                        dev.ember.sql.types.DataTypes.createStructField("d", dev.ember.sql.types.DataTypes.DoubleType, true),
                        dev.ember.sql.types.DataTypes.createStructField("e", dev.ember.sql.types.DataTypes.DoubleType, true),
                        dev.ember.sql.types.DataTypes.createStructField("m", dev.ember.sql.types.DataTypes.createDecimalType(5, 2), true),
                        dev.ember.sql.types.DataTypes.createStructField("s", dev.ember.sql.types.DataTypes.StringType, true),
                        dev.ember.sql.types.DataTypes.createStructField("b", dev.ember.sql.types.DataTypes.BooleanType, true),
                        dev.ember.sql.types.DataTypes.createStructField("day", dev.ember.sql.types.DataTypes.DateType, true))));
        return values.toJSON().union(Fixtures.orders(ember).toJSON());
    }
}
