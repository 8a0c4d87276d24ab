package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A query's rows as an RDD (df.javaRDD(), after a shuffle), mapped with a broadcast map while an
 * accumulator counts them, made a DataFrame again with createDataFrame(rdd, schema) and aggregated;
 * the accumulator's value (counted once per element by the action) becomes a column.
 */
public final class RddConversionsProgram implements DataFrameProgram {
    private static final Map<Long, String> NAMES = Map.of(0L, "zero", 1L, "one", 2L, "two");

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        org.apache.spark.broadcast.Broadcast<Map<Long, String>> names = sc.broadcast(NAMES);
        org.apache.spark.util.LongAccumulator seen = spark.sparkContext().longAccumulator("seen");
        Dataset<Row> grouped = spark.range(0, 30, 1, 3).selectExpr("id % 3 AS k", "id").groupBy("k").agg(functions.sum("id").as("total"));
        JavaRDD<Row> rows = grouped.javaRDD().map(row -> {
            seen.add(1);
            return RowFactory.create(names.value().get(row.getLong(0)), row.getLong(1) * 2);
        });
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("name", DataTypes.StringType, true),
                DataTypes.createStructField("doubled", DataTypes.LongType, true)));
        Dataset<Row> back = spark.createDataFrame(rows, schema);
        long count = back.javaRDD().count();
        return back.withColumn("seen", functions.lit(seen.value())).withColumn("count", functions.lit(count));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        dev.ember.rdd.EmberContext sc = ember.context();
        dev.ember.broadcast.Broadcast<Map<Long, String>> names = sc.broadcast(NAMES);
        dev.ember.accumulator.LongAccumulator seen = sc.longAccumulator("seen");
        DataFrame grouped = ember.range(0, 30, 1, 3).selectExpr("id % 3 AS k", "id").groupBy("k").agg(dev.ember.sql.functions.sum("id").as("total"));
        dev.ember.rdd.Rdd<dev.ember.sql.Row> rows = grouped.javaRDD().map(row -> {
            seen.add(1);
            return dev.ember.sql.Row.of(names.value().get(row.getLong(0)), row.getLong(1) * 2);
        });
        dev.ember.sql.types.StructType schema = dev.ember.sql.types.DataTypes.createStructType(List.of(
                dev.ember.sql.types.DataTypes.createStructField("name", dev.ember.sql.types.DataTypes.StringType, true),
                dev.ember.sql.types.DataTypes.createStructField("doubled", dev.ember.sql.types.DataTypes.LongType, true)));
        DataFrame back = ember.createDataFrame(rows, schema);
        long count = back.javaRDD().count();
        return back.withColumn("seen", dev.ember.sql.functions.lit(seen.value())).withColumn("count", dev.ember.sql.functions.lit(count));
    }
}
