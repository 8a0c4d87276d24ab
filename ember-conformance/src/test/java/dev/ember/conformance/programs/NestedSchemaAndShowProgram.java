package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/** printSchema, dtypes and show of struct, map and array-of-struct columns, with NULLs inside. */
public final class NestedSchemaAndShowProgram implements DataFrameProgram {
    private static final String QUERY = """
            SELECT id, named_struct('a', id, 'b', CASE WHEN id = 2 THEN NULL ELSE 'x' END) AS s,
                   CASE WHEN id = 3 THEN NULL ELSE map('k', id, 'n', CAST(NULL AS INT)) END AS m,
                   array(named_struct('p', map(1, array('q'))), NULL) AS deep
            FROM VALUES (1), (2), (3) AS t(id) ORDER BY id""";

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> frame = spark.sql(QUERY);
        List<Row> texts = List.of(
                RowFactory.create("printSchema", Printed.by(frame::printSchema)),
                RowFactory.create("dtypes", Arrays.stream(frame.dtypes()).map(t -> t._1() + ":" + t._2()).collect(Collectors.joining(","))),
                RowFactory.create("show", Printed.by(() -> frame.show(false))),
                RowFactory.create("show truncated", Printed.by(() -> frame.show(3, 12))));
        return spark.createDataFrame(texts, DataTypes.createStructType(List.of(
                DataTypes.createStructField("what", DataTypes.StringType, false),
                DataTypes.createStructField("text", DataTypes.StringType, false))));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame frame = ember.sql(QUERY);
        List<dev.ember.sql.Row> texts = List.of(
                dev.ember.sql.Row.of("printSchema", Printed.by(frame::printSchema)),
                dev.ember.sql.Row.of("dtypes", frame.dtypes().stream().map(t -> t[0] + ":" + t[1]).collect(Collectors.joining(","))),
                dev.ember.sql.Row.of("show", Printed.by(() -> frame.show(false))),
                dev.ember.sql.Row.of("show truncated", Printed.by(() -> frame.show(3, 12))));
        return ember.createDataFrame(texts, dev.ember.sql.types.DataTypes.createStructType(List.of(
                dev.ember.sql.types.DataTypes.createStructField("what", dev.ember.sql.types.DataTypes.StringType, false),
                dev.ember.sql.types.DataTypes.createStructField("text", dev.ember.sql.types.DataTypes.StringType, false))));
    }
}
