package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/** na().fill by value type and by column, and na().drop by how, threshold and columns; NaN counts as missing. */
public final class NaFunctionsProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> t = spark.createDataFrame(List.of(
                        RowFactory.create(1, 1.5, "a", true), RowFactory.create(null, Double.NaN, null, null),
                        RowFactory.create(3, null, "c", null), RowFactory.create(null, null, null, null)),
                DataTypes.createStructType(List.of(DataTypes.createStructField("i", DataTypes.IntegerType, true),
                        DataTypes.createStructField("d", DataTypes.DoubleType, true),
                        DataTypes.createStructField("s", DataTypes.StringType, true),
                        DataTypes.createStructField("b", DataTypes.BooleanType, true))));
        return t.na().fill(7).withColumn("op", functions.lit("fill 7"))
                .union(t.na().fill(2.5, new String[] {"i", "d", "s"}).withColumn("op", functions.lit("fill 2.5 i d s")))
                .union(t.na().fill("none").na().fill(false).withColumn("op", functions.lit("fill strings, booleans")))
                .union(t.na().fill(Map.of("i", -1, "s", "x")).withColumn("op", functions.lit("fill map")))
                .union(t.na().drop().withColumn("op", functions.lit("drop")))
                .union(t.na().drop("all").withColumn("op", functions.lit("drop all")))
                .union(t.na().drop("any", new String[] {"i", "s"}).withColumn("op", functions.lit("drop any i s")))
                .union(t.na().drop(2).withColumn("op", functions.lit("drop 2")))
                .union(t.na().drop(new String[] {"d"}).withColumn("op", functions.lit("drop d")));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame t = ember.createDataFrame(List.of(
                        dev.ember.sql.Row.of(1, 1.5, "a", true), dev.ember.sql.Row.of(null, Double.NaN, null, null),
                        dev.ember.sql.Row.of(3, null, "c", null), dev.ember.sql.Row.of(null, null, null, null)),
                dev.ember.sql.types.DataTypes.createStructType(List.of(
                        dev.ember.sql.types.DataTypes.createStructField("i", dev.ember.sql.types.DataTypes.IntegerType, true),
                        dev.ember.sql.types.DataTypes.createStructField("d", dev.ember.sql.types.DataTypes.DoubleType, true),
                        dev.ember.sql.types.DataTypes.createStructField("s", dev.ember.sql.types.DataTypes.StringType, true),
                        dev.ember.sql.types.DataTypes.createStructField("b", dev.ember.sql.types.DataTypes.BooleanType, true))));
        return t.na().fill(7).withColumn("op", dev.ember.sql.functions.lit("fill 7"))
                .union(t.na().fill(2.5, new String[] {"i", "d", "s"}).withColumn("op", dev.ember.sql.functions.lit("fill 2.5 i d s")))
                .union(t.na().fill("none").na().fill(false).withColumn("op", dev.ember.sql.functions.lit("fill strings, booleans")))
                .union(t.na().fill(Map.of("i", -1, "s", "x")).withColumn("op", dev.ember.sql.functions.lit("fill map")))
                .union(t.na().drop().withColumn("op", dev.ember.sql.functions.lit("drop")))
                .union(t.na().drop("all").withColumn("op", dev.ember.sql.functions.lit("drop all")))
                .union(t.na().drop("any", new String[] {"i", "s"}).withColumn("op", dev.ember.sql.functions.lit("drop any i s")))
                .union(t.na().drop(2).withColumn("op", dev.ember.sql.functions.lit("drop 2")))
                .union(t.na().drop(new String[] {"d"}).withColumn("op", dev.ember.sql.functions.lit("drop d")));
    }
}
