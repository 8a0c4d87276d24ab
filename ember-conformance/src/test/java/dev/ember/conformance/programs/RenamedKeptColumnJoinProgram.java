package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A join on a column taken from a frame before another of its columns was renamed: the column is still there. */
public final class RenamedKeptColumnJoinProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> right = Fixtures.right(spark);
        Dataset<Row> renamed = left.withColumnRenamed("v", "value");
        return renamed.join(right, left.col("k").equalTo(right.col("k"))).select(renamed.col("value"), left.col("k"), right.col("w"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame right = Fixtures.right(ember);
        DataFrame renamed = left.withColumnRenamed("v", "value");
        return renamed.join(right, left.col("k").equalTo(right.col("k"))).select(renamed.col("value"), left.col("k"), right.col("w"));
    }
}
