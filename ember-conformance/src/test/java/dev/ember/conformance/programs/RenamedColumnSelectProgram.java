package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A column selected from a frame before it was renamed: the renamed frame no longer has it. */
public final class RenamedColumnSelectProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> renamed = left.withColumnRenamed("k", "key");
        return renamed.select(left.col("k"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame renamed = left.withColumnRenamed("k", "key");
        return renamed.select(left.col("k"));
    }
}
