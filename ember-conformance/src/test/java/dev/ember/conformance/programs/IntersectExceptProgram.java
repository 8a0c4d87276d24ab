package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** intersect and except: distinct results, nulls equal to nulls. */
public final class IntersectExceptProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark).select("k");
        Dataset<Row> right = Fixtures.right(spark).select("k");
        return left.intersect(right).withColumn("op", functions.lit("intersect"))
                .union(left.except(right).withColumn("op", functions.lit("left except")))
                .union(right.except(left).withColumn("op", functions.lit("right except")));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember).select("k");
        DataFrame right = Fixtures.right(ember).select("k");
        return left.intersect(right).withColumn("op", lit("intersect"))
                .union(left.except(right).withColumn("op", lit("left except")))
                .union(right.except(left).withColumn("op", lit("right except")));
    }
}
