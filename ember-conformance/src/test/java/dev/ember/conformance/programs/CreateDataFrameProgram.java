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

/** createDataFrame(rows, schema) with every common type, nulls and non-nullable fields. */
public final class CreateDataFrameProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return spark.createDataFrame(List.of(
                        RowFactory.create(1, 10L, 1.5, "one", true, LocalDate.of(2024, 1, 2), new BigDecimal("1.25")),
                        RowFactory.create(2, null, null, null, null, null, null),
                        RowFactory.create(3, -7L, -0.0, "", false, LocalDate.of(1969, 12, 31), new BigDecimal("-99.99"))),
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("i", DataTypes.IntegerType, false),
                        DataTypes.createStructField("l", DataTypes.LongType, true),
                        DataTypes.createStructField("d", DataTypes.DoubleType, true),
                        DataTypes.createStructField("s", DataTypes.StringType, true),
                        DataTypes.createStructField("b", DataTypes.BooleanType, true),
                        DataTypes.createStructField("day", DataTypes.DateType, true),
                        DataTypes.createStructField("amount", DataTypes.createDecimalType(4, 2), true))))
                .selectExpr("*", "l + i AS sum", "NOT b AS not_b");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return ember.createDataFrame(List.of(
                        dev.ember.sql.Row.of(1, 10L, 1.5, "one", true, LocalDate.of(2024, 1, 2), new BigDecimal("1.25")),
                        dev.ember.sql.Row.of(2, null, null, null, null, null, null),
                        dev.ember.sql.Row.of(3, -7L, -0.0, "", false, LocalDate.of(1969, 12, 31), new BigDecimal("-99.99"))),
                dev.ember.sql.types.DataTypes.createStructType(List.of(
                        dev.ember.sql.types.DataTypes.createStructField("i", dev.ember.sql.types.DataTypes.IntegerType, false),
                        dev.ember.sql.types.DataTypes.createStructField("l", dev.ember.sql.types.DataTypes.LongType, true),
                        dev.ember.sql.types.DataTypes.createStructField("d", dev.ember.sql.types.DataTypes.DoubleType, true),
                        dev.ember.sql.types.DataTypes.createStructField("s", dev.ember.sql.types.DataTypes.StringType, true),
                        dev.ember.sql.types.DataTypes.createStructField("b", dev.ember.sql.types.DataTypes.BooleanType, true),
                        dev.ember.sql.types.DataTypes.createStructField("day", dev.ember.sql.types.DataTypes.DateType, true),
                        dev.ember.sql.types.DataTypes.createStructField("amount", dev.ember.sql.types.DataTypes.createDecimalType(4, 2), true))))
                .selectExpr("*", "l + i AS sum", "NOT b AS not_b");
    }
}
