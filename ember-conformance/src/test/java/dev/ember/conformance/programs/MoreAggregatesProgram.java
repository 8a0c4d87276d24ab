package dev.ember.conformance.programs;

import static dev.ember.sql.functions.approx_count_distinct;
import static dev.ember.sql.functions.array_contains;
import static dev.ember.sql.functions.bool_and;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.collect_list;
import static dev.ember.sql.functions.collect_set;
import static dev.ember.sql.functions.count_if;
import static dev.ember.sql.functions.max_by;
import static dev.ember.sql.functions.min_by;
import static dev.ember.sql.functions.size;
import static dev.ember.sql.functions.sort_array;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** The newer aggregates through the API: collect, approx_count_distinct, count_if, bool_and, max_by/min_by per group. */
public final class MoreAggregatesProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.people(spark).groupBy("city").agg(
                functions.sort_array(functions.collect_list("name")).alias("names"),
                functions.size(functions.collect_set(functions.col("age"))).alias("ages"),
                functions.approx_count_distinct("name"),
                functions.count_if(functions.col("age").gt(30)),
                functions.bool_and(functions.col("id").gt(0)),
                functions.max_by(functions.col("name"), functions.col("id")),
                functions.min_by(functions.col("id"), functions.col("id")),
                functions.array_contains(functions.sort_array(functions.collect_list("id"), false), 1).alias("has_1"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.people(ember).groupBy("city").agg(
                sort_array(collect_list("name")).alias("names"),
                size(collect_set(col("age"))).alias("ages"),
                approx_count_distinct("name"),
                count_if(col("age").gt(30)),
                bool_and(col("id").gt(0)),
                max_by(col("name"), col("id")),
                min_by(col("id"), col("id")),
                array_contains(sort_array(collect_list("id"), false), 1).alias("has_1"));
    }
}
