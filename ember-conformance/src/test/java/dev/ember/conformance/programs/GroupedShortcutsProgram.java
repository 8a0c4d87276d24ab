package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** The shortcuts of grouped data (count, sum, avg, mean, min, max) on two keys, joined back on the keys. */
public final class GroupedShortcutsProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> orders = Fixtures.orders(spark);
        Dataset<Row> counts = orders.groupBy(functions.col("status"), functions.col("customer_id")).count();
        Dataset<Row> sums = orders.groupBy("status", "customer_id").sum("amount", "order_id");
        Dataset<Row> means = orders.groupBy("status", "customer_id").avg("amount").join(
                orders.groupBy("status", "customer_id").mean("order_id"), new String[] {"status", "customer_id"}, "inner");
        Dataset<Row> extremes = orders.groupBy("status", "customer_id").min("amount").join(
                orders.groupBy("status", "customer_id").max("order_id", "amount"), new String[] {"status", "customer_id"}, "inner");
        return counts.join(sums, new String[] {"status", "customer_id"}, "inner")
                .join(means, new String[] {"status", "customer_id"}, "inner")
                .join(extremes, new String[] {"status", "customer_id"}, "inner");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame orders = Fixtures.orders(ember);
        DataFrame counts = orders.groupBy(col("status"), col("customer_id")).count();
        DataFrame sums = orders.groupBy("status", "customer_id").sum("amount", "order_id");
        DataFrame means = orders.groupBy("status", "customer_id").avg("amount").join(
                orders.groupBy("status", "customer_id").mean("order_id"), new String[] {"status", "customer_id"}, "inner");
        DataFrame extremes = orders.groupBy("status", "customer_id").min("amount").join(
                orders.groupBy("status", "customer_id").max("order_id", "amount"), new String[] {"status", "customer_id"}, "inner");
        return counts.join(sums, new String[] {"status", "customer_id"}, "inner")
                .join(means, new String[] {"status", "customer_id"}, "inner")
                .join(extremes, new String[] {"status", "customer_id"}, "inner");
    }
}
