package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** groupBy on a nullable key with agg over every aggregate the API names, aliased and not. */
public final class GroupByAggProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.people(spark)
                .groupBy("city")
                .agg(functions.count("*"), functions.count("age").alias("with_age"), functions.sum("age"), functions.avg("age"),
                        functions.min("name"), functions.max(functions.col("age")), functions.countDistinct(functions.col("age")),
                        functions.mean("id"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.people(ember)
                .groupBy("city")
                .agg(count("*"), count("age").alias("with_age"), sum("age"), avg("age"),
                        min("name"), max(col("age")), countDistinct(col("age")),
                        mean("id"));
    }
}
