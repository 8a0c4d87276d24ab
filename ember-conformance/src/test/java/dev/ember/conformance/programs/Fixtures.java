package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/** The inputs programs share, built alike on both engines: the CSV files and two tiny tables with nulls. */
final class Fixtures {
    private Fixtures() {
    }

    static Dataset<Row> people(SparkSession spark) {
        return spark.read().option("header", "true").option("inferSchema", "true").csv(DataFrameProgram.data("people.csv"));
    }

    static DataFrame people(EmberSession ember) {
        return ember.read().option("header", "true").option("inferSchema", "true").csv(DataFrameProgram.data("people.csv"));
    }

    static Dataset<Row> orders(SparkSession spark) {
        return spark.read().option("header", "true").option("inferSchema", "true").csv(DataFrameProgram.data("orders.csv"));
    }

    static DataFrame orders(EmberSession ember) {
        return ember.read().option("header", "true").option("inferSchema", "true").csv(DataFrameProgram.data("orders.csv"));
    }

    /** (k int, v string): keys 1, 2, 2, 3 and a null key. */
    static Dataset<Row> left(SparkSession spark) {
        return spark.createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(2, "b"), RowFactory.create(2, "c"),
                        RowFactory.create(3, "d"), RowFactory.create(null, "e")),
                DataTypes.createStructType(List.of(DataTypes.createStructField("k", DataTypes.IntegerType, true),
                        DataTypes.createStructField("v", DataTypes.StringType, true))));
    }

    static DataFrame left(EmberSession ember) {
        return ember.createDataFrame(List.of(dev.ember.sql.Row.of(1, "a"), dev.ember.sql.Row.of(2, "b"), dev.ember.sql.Row.of(2, "c"),
                        dev.ember.sql.Row.of(3, "d"), dev.ember.sql.Row.of(null, "e")),
                dev.ember.sql.types.DataTypes.createStructType(List.of(
                        dev.ember.sql.types.DataTypes.createStructField("k", dev.ember.sql.types.DataTypes.IntegerType, true),
                        dev.ember.sql.types.DataTypes.createStructField("v", dev.ember.sql.types.DataTypes.StringType, true))));
    }

    /** (k int, w double): keys 2, 3, 4 and a null key. */
    static Dataset<Row> right(SparkSession spark) {
        return spark.createDataFrame(List.of(RowFactory.create(2, 2.5), RowFactory.create(3, 3.5), RowFactory.create(4, 4.5),
                        RowFactory.create(null, 0.5)),
                DataTypes.createStructType(List.of(DataTypes.createStructField("k", DataTypes.IntegerType, true),
                        DataTypes.createStructField("w", DataTypes.DoubleType, true))));
    }

    static DataFrame right(EmberSession ember) {
        return ember.createDataFrame(List.of(dev.ember.sql.Row.of(2, 2.5), dev.ember.sql.Row.of(3, 3.5), dev.ember.sql.Row.of(4, 4.5),
                        dev.ember.sql.Row.of(null, 0.5)),
                dev.ember.sql.types.DataTypes.createStructType(List.of(
                        dev.ember.sql.types.DataTypes.createStructField("k", dev.ember.sql.types.DataTypes.IntegerType, true),
                        dev.ember.sql.types.DataTypes.createStructField("w", dev.ember.sql.types.DataTypes.DoubleType, true))));
    }
}
