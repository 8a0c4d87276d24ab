package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A frame joined with a renamed copy of itself, on a column of each. */
public final class RenamedSelfJoinProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> renamed = left.withColumnRenamed("k", "key");
        return left.join(renamed, left.col("k").equalTo(renamed.col("key")));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame renamed = left.withColumnRenamed("k", "key");
        return left.join(renamed, left.col("k").equalTo(renamed.col("key")));
    }
}
