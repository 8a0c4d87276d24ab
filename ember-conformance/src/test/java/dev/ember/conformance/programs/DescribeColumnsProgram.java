package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** describe of named columns: doubles with a NULL, a string, a bigint, and a group of one value (stddev NULL). */
public final class DescribeColumnsProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> orders = Fixtures.orders(spark);
        return orders.describe("amount", "status", "order_id")
                .union(orders.filter("order_id = 100").describe("amount", "status", "order_id"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame orders = Fixtures.orders(ember);
        return orders.describe("amount", "status", "order_id")
                .union(orders.filter("order_id = 100").describe("amount", "status", "order_id"));
    }
}
