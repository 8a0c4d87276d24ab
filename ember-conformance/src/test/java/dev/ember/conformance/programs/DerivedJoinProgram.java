package dev.ember.conformance.programs;

import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.lit;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** A frame joined with a frame derived from it, on columns named through each frame: the sides stay apart. */
public final class DerivedJoinProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> people = Fixtures.people(spark);
        Dataset<Row> perCity = people.groupBy("city").agg(functions.count(functions.lit(1)).alias("n"));
        return people.join(perCity, people.col("city").equalTo(perCity.col("city"))).select(people.col("id"), perCity.col("n"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame people = Fixtures.people(ember);
        DataFrame perCity = people.groupBy("city").agg(count(lit(1)).alias("n"));
        return people.join(perCity, people.col("city").equalTo(perCity.col("city"))).select(people.col("id"), perCity.col("n"));
    }
}
