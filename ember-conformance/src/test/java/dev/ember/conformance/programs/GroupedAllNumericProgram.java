package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A numeric shortcut of grouped data without column names aggregates every numeric column, the key included. */
public final class GroupedAllNumericProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.orders(spark).groupBy("customer_id").sum();
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.orders(ember).groupBy("customer_id").sum();
    }
}
