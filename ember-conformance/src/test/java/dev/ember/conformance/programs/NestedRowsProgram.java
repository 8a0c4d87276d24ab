package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * createDataFrame with nested rows and maps under a schema; the struct, map and field-access
 * columns of the DataFrame API ({@code getField}, {@code getItem}, {@code col("s.a")}, {@code struct}, {@code map}).
 */
public final class NestedRowsProgram implements DataFrameProgram {
    private static Map<String, Integer> scores(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        StructType point = new StructType().add("x", DataTypes.IntegerType).add("label", DataTypes.StringType);
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("p", point)
                .add("scores", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
                .add("path", DataTypes.createArrayType(point));
        List<Row> rows = List.of(
                RowFactory.create(1, RowFactory.create(10, "a"), scores("math", 90, "art", null), Arrays.asList(RowFactory.create(1, "p"), null)),
                RowFactory.create(2, null, scores(), List.of()),
                RowFactory.create(3, RowFactory.create(null, "c"), null, null));
        Dataset<Row> frame = spark.createDataFrame(rows, schema);
        return frame.select(functions.col("id"), functions.col("p"), functions.col("scores"), functions.col("path"),
                functions.col("p").getField("x").as("x"), functions.col("p.label"), functions.col("scores").getItem("math").as("math"),
                functions.struct(functions.col("id"), functions.col("p.x")).as("pair"),
                functions.map(functions.lit("label"), functions.col("p.label")).as("by_label"),
                functions.size(functions.col("scores")).as("n"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        dev.ember.sql.types.StructType point = new dev.ember.sql.types.StructType(List.of()).add("x", dev.ember.sql.types.DataTypes.IntegerType)
                .add("label", dev.ember.sql.types.DataTypes.StringType);
        dev.ember.sql.types.StructType schema = new dev.ember.sql.types.StructType(List.of()).add("id", dev.ember.sql.types.DataTypes.IntegerType)
                .add("p", point)
                .add("scores", dev.ember.sql.types.DataTypes.createMapType(dev.ember.sql.types.DataTypes.StringType, dev.ember.sql.types.DataTypes.IntegerType))
                .add("path", dev.ember.sql.types.DataTypes.createArrayType(point));
        List<dev.ember.sql.Row> rows = List.of(
                dev.ember.sql.Row.of(1, dev.ember.sql.Row.of(10, "a"), scores("math", 90, "art", null),
                        Arrays.asList(dev.ember.sql.Row.of(1, "p"), null)),
                dev.ember.sql.Row.of(2, null, scores(), List.of()),
                dev.ember.sql.Row.of(3, dev.ember.sql.Row.of(null, "c"), null, null));
        DataFrame frame = ember.createDataFrame(rows, schema);
        return frame.select(dev.ember.sql.functions.col("id"), dev.ember.sql.functions.col("p"), dev.ember.sql.functions.col("scores"),
                dev.ember.sql.functions.col("path"), dev.ember.sql.functions.col("p").getField("x").as("x"), dev.ember.sql.functions.col("p.label"),
                dev.ember.sql.functions.col("scores").getItem("math").as("math"),
                dev.ember.sql.functions.struct(dev.ember.sql.functions.col("id"), dev.ember.sql.functions.col("p.x")).as("pair"),
                dev.ember.sql.functions.map(dev.ember.sql.functions.lit("label"), dev.ember.sql.functions.col("p.label")).as("by_label"),
                dev.ember.sql.functions.size(dev.ember.sql.functions.col("scores")).as("n"));
    }
}
