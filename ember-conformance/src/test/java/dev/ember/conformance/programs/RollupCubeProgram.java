package dev.ember.conformance.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.grouping;
import static dev.ember.sql.functions.grouping_id;
import static dev.ember.sql.functions.sum;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** rollup and cube through the API, with grouping() and grouping_id(), and the count shortcut over a cube. */
public final class RollupCubeProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> orders = Fixtures.orders(spark);
        Dataset<Row> rolled = orders.rollup("customer_id").agg(functions.sum("amount"), functions.grouping("customer_id"),
                functions.grouping_id());
        Dataset<Row> cubed = orders.cube(functions.col("customer_id")).count();
        return rolled.join(cubed, "customer_id");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame orders = Fixtures.orders(ember);
        DataFrame rolled = orders.rollup("customer_id").agg(sum("amount"), grouping("customer_id"), grouping_id());
        DataFrame cubed = orders.cube(col("customer_id")).count();
        return rolled.join(cubed, "customer_id");
    }
}
