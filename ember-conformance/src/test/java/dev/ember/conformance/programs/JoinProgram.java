package dev.ember.conformance.programs;

import static dev.ember.sql.functions.lit;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * One join type, on a using column and on an expression (an equality and a further condition,
 * with null keys on both sides), the two results tagged and stacked. Subclasses name the type.
 */
public abstract class JoinProgram implements DataFrameProgram {
    private final String joinType;

    protected JoinProgram(String joinType) {
        this.joinType = joinType;
    }

    private boolean leftOnly() {
        return joinType.contains("semi") || joinType.contains("anti");
    }

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> right = Fixtures.right(spark);
        Dataset<Row> using = left.join(right, new String[] {"k"}, joinType);
        Dataset<Row> on = left.join(right, left.col("k").equalTo(right.col("k")).and(left.col("v").notEqual("c")), joinType);
        if (leftOnly()) {
            return using.withColumn("how", functions.lit("using")).union(on.withColumn("how", functions.lit("on")));
        }
        return using.withColumn("how", functions.lit("using"))
                .union(on.select(left.col("k"), left.col("v"), right.col("w")).withColumn("how", functions.lit("on")))
                .union(on.select(right.col("k"), left.col("v"), right.col("w")).withColumn("how", functions.lit("on right k")));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame right = Fixtures.right(ember);
        DataFrame using = left.join(right, new String[] {"k"}, joinType);
        DataFrame on = left.join(right, left.col("k").equalTo(right.col("k")).and(left.col("v").notEqual("c")), joinType);
        if (leftOnly()) {
            return using.withColumn("how", lit("using")).union(on.withColumn("how", lit("on")));
        }
        return using.withColumn("how", lit("using"))
                .union(on.select(left.col("k"), left.col("v"), right.col("w")).withColumn("how", lit("on")))
                .union(on.select(right.col("k"), left.col("v"), right.col("w")).withColumn("how", lit("on right k")));
    }
}
