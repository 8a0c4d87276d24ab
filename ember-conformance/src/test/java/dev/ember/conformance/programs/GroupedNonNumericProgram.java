package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The numeric shortcuts of grouped data reject a non-numeric column; without names they take every numeric column. */
public final class GroupedNonNumericProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> orders = Fixtures.orders(spark);
        orders.groupBy("status").sum();
        return orders.groupBy("status").max("order_date");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame orders = Fixtures.orders(ember);
        orders.groupBy("status").sum();
        return orders.groupBy("status").max("order_date");
    }
}
