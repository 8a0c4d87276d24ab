package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** union and unionAll by position (keeping duplicates, widening types), unionByName with reordered and missing columns. */
public final class UnionProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        Dataset<Row> right = Fixtures.right(spark);
        Dataset<Row> byPosition = left.select("k").union(right.select("w")).unionAll(left.select("k"));
        Dataset<Row> reordered = left.select("v", "k").unionByName(left.select("k", "v"));
        Dataset<Row> missing = left.unionByName(right, true);
        return byPosition.withColumn("tag", functions.lit("x")).selectExpr("CAST(k AS STRING) AS a", "tag AS b", "NULL AS c")
                .union(reordered.selectExpr("v", "CAST(k AS STRING)", "NULL"))
                .union(missing.selectExpr("v", "CAST(k AS STRING)", "CAST(w AS STRING)"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        DataFrame right = Fixtures.right(ember);
        DataFrame byPosition = left.select("k").union(right.select("w")).unionAll(left.select("k"));
        DataFrame reordered = left.select("v", "k").unionByName(left.select("k", "v"));
        DataFrame missing = left.unionByName(right, true);
        return byPosition.withColumn("tag", lit("x")).selectExpr("CAST(k AS STRING) AS a", "tag AS b", "NULL AS c")
                .union(reordered.selectExpr("v", "CAST(k AS STRING)", "NULL"))
                .union(missing.selectExpr("v", "CAST(k AS STRING)", "CAST(w AS STRING)"));
    }
}
