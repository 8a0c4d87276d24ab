package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** dropDuplicates over all columns and over some (which row survives is unspecified, so only the keys are kept). */
public final class DropDuplicatesProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> orders = Fixtures.orders(spark);
        Dataset<Row> whole = left.union(left).dropDuplicates().selectExpr("CAST(k AS STRING) AS a", "v AS b");
        Dataset<Row> byKey = left.dropDuplicates("k").selectExpr("CAST(k AS STRING) AS a", "'by k' AS b");
        Dataset<Row> byTwo = orders.dropDuplicates(new String[] {"status", "customer_id"}).selectExpr("status", "CAST(customer_id AS STRING)");
        return whole.union(byKey).union(byTwo);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame orders = Fixtures.orders(ember);
        DataFrame whole = left.union(left).dropDuplicates().selectExpr("CAST(k AS STRING) AS a", "v AS b");
        DataFrame byKey = left.dropDuplicates("k").selectExpr("CAST(k AS STRING) AS a", "'by k' AS b");
        DataFrame byTwo = orders.dropDuplicates(new String[] {"status", "customer_id"}).selectExpr("status", "CAST(customer_id AS STRING)");
        return whole.union(byKey).union(byTwo);
    }
}
