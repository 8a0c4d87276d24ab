package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A filter on a column of a frame before it was renamed, which the renamed frame can still reach below its projection. */
public final class RenamedColumnFilterProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> renamed = left.withColumnRenamed("k", "key");
        return renamed.filter(left.col("k").gt(1));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame renamed = left.withColumnRenamed("k", "key");
        return renamed.filter(left.col("k").gt(1));
    }
}
