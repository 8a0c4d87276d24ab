package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** crossJoin, join without a condition, and the join shortcuts on one using column and on a column (inner). */
public final class CrossJoinProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> right = Fixtures.right(spark);
        Dataset<Row> crossed = left.crossJoin(right).select(left.col("k").alias("lk"), functions.col("v"), right.col("k").alias("rk"), functions.col("w"));
        Dataset<Row> unconditioned = left.join(right).select(left.col("k").alias("lk"), functions.col("v"), right.col("k").alias("rk"), functions.col("w"));
        Dataset<Row> byName = left.join(right, "k").select(functions.col("k").alias("lk"), functions.col("v"), functions.col("k").alias("rk"), functions.col("w"));
        Dataset<Row> byColumn = left.join(right, left.col("k").equalTo(right.col("k")))
                .select(left.col("k").alias("lk"), functions.col("v"), right.col("k").alias("rk"), functions.col("w"));
        return crossed.union(unconditioned).union(byName).union(byColumn);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame right = Fixtures.right(ember);
        DataFrame crossed = left.crossJoin(right).select(left.col("k").alias("lk"), col("v"), right.col("k").alias("rk"), col("w"));
        DataFrame unconditioned = left.join(right).select(left.col("k").alias("lk"), col("v"), right.col("k").alias("rk"), col("w"));
        DataFrame byName = left.join(right, "k").select(col("k").alias("lk"), col("v"), col("k").alias("rk"), col("w"));
        DataFrame byColumn = left.join(right, left.col("k").equalTo(right.col("k")))
                .select(left.col("k").alias("lk"), col("v"), right.col("k").alias("rk"), col("w"));
        return crossed.union(unconditioned).union(byName).union(byColumn);
    }
}
