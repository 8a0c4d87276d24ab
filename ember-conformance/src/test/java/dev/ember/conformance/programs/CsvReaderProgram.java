package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** The CSV reader: inferred types, a DDL schema, format().load(), and without a header (all strings, _c0...). */
public final class CsvReaderProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> inferred = spark.read().option("header", "true").option("inferSchema", "true").csv(DataFrameProgram.data("orders.csv"));
        Dataset<Row> declared = spark.read().schema("order_id BIGINT, customer_id INT, amount DECIMAL(6,2), order_date DATE, status STRING")
                .option("header", true).csv(DataFrameProgram.data("orders.csv"));
        Dataset<Row> loaded = spark.read().format("csv").option("header", "false").load(DataFrameProgram.data("orders.csv"));
        return inferred.join(declared.select(functions.col("order_id").alias("id"), functions.col("amount").alias("exact"),
                                functions.col("order_date").alias("day")), functions.col("order_id").equalTo(functions.col("id")), "left")
                .join(loaded, functions.col("_c0").equalTo(functions.col("order_id").cast("string")), "left")
                .drop("id", "_c1", "_c4");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame inferred = ember.read().option("header", "true").option("inferSchema", "true").csv(DataFrameProgram.data("orders.csv"));
        DataFrame declared = ember.read().schema("order_id BIGINT, customer_id INT, amount DECIMAL(6,2), order_date DATE, status STRING")
                .option("header", true).csv(DataFrameProgram.data("orders.csv"));
        DataFrame loaded = ember.read().format("csv").option("header", "false").load(DataFrameProgram.data("orders.csv"));
        return inferred.join(declared.select(col("order_id").alias("id"), col("amount").alias("exact"),
                                col("order_date").alias("day")), col("order_id").equalTo(col("id")), "left")
                .join(loaded, col("_c0").equalTo(col("order_id").cast("string")), "left")
                .drop("id", "_c1", "_c4");
    }
}
