package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** describe() of every numeric and string column: count, mean, stddev, min, max as strings. */
public final class DescribeProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.people(spark).describe();
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.people(ember).describe();
    }
}
