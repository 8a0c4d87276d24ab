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

/** The text of printSchema, schema, columns, dtypes and show in its forms (counts, truncation, vertical, empty). */
public final class SchemaAndShowProgram implements DataFrameProgram {
    private static final String ORDERS_SCHEMA = "order_id BIGINT, customer_id INT, amount DECIMAL(6,2), order_date DATE, status STRING";

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark).orderBy("id");
        Dataset<Row> orders = spark.read().schema(ORDERS_SCHEMA).option("header", "true").csv(DataFrameProgram.data("orders.csv")).orderBy("order_id");
        List<Row> texts = List.of(
                RowFactory.create("printSchema", Printed.by(orders::printSchema)),
                RowFactory.create("schema", people.schema().treeString()),
                RowFactory.create("columns", String.join(",", people.columns())),
                RowFactory.create("dtypes", Arrays.stream(orders.dtypes()).map(t -> t._1() + ":" + t._2()).collect(Collectors.joining(","))),
                RowFactory.create("show", Printed.by(people::show)),
                RowFactory.create("show 3", Printed.by(() -> people.show(3))),
                RowFactory.create("show 1 false", Printed.by(() -> people.show(1, false))),
                RowFactory.create("show 4 truncate 3", Printed.by(() -> orders.show(4, 3))),
                RowFactory.create("show vertical", Printed.by(() -> orders.show(2, 20, true))),
                RowFactory.create("show vertical empty", Printed.by(() -> orders.filter("order_id < 0").show(5, 20, true))),
                RowFactory.create("show empty", Printed.by(() -> orders.filter("order_id < 0").show())));
        return spark.createDataFrame(texts, DataTypes.createStructType(List.of(
                DataTypes.createStructField("what", DataTypes.StringType, false),
                DataTypes.createStructField("text", DataTypes.StringType, false))));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember).orderBy("id");
        DataFrame orders = ember.read().schema(ORDERS_SCHEMA).option("header", "true").csv(DataFrameProgram.data("orders.csv")).orderBy("order_id");
        List<dev.ember.sql.Row> texts = List.of(
                dev.ember.sql.Row.of("printSchema", Printed.by(orders::printSchema)),
                dev.ember.sql.Row.of("schema", people.schema().treeString()),
                dev.ember.sql.Row.of("columns", String.join(",", people.columns())),
                dev.ember.sql.Row.of("dtypes", orders.dtypes().stream().map(t -> t[0] + ":" + t[1]).collect(Collectors.joining(","))),
                dev.ember.sql.Row.of("show", Printed.by(people::show)),
                dev.ember.sql.Row.of("show 3", Printed.by(() -> people.show(3))),
                dev.ember.sql.Row.of("show 1 false", Printed.by(() -> people.show(1, false))),
                dev.ember.sql.Row.of("show 4 truncate 3", Printed.by(() -> orders.show(4, 3))),
                dev.ember.sql.Row.of("show vertical", Printed.by(() -> orders.show(2, 20, true))),
                dev.ember.sql.Row.of("show vertical empty", Printed.by(() -> orders.filter("order_id < 0").show(5, 20, true))),
                dev.ember.sql.Row.of("show empty", Printed.by(() -> orders.filter("order_id < 0").show())));
        return ember.createDataFrame(texts, dev.ember.sql.types.DataTypes.createStructType(List.of(
                dev.ember.sql.types.DataTypes.createStructField("what", dev.ember.sql.types.DataTypes.StringType, false),
                dev.ember.sql.types.DataTypes.createStructField("text", dev.ember.sql.types.DataTypes.StringType, false))));
    }
}
