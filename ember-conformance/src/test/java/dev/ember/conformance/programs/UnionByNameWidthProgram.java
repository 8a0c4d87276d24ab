package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** unionByName without allowMissingColumns rejects inputs of different widths, as Spark does. */
public final class UnionByNameWidthProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        Dataset<Row> left = Fixtures.left(spark);
        return left.select("k").unionByName(left);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        DataFrame left = Fixtures.left(ember);
        return left.select("k").unionByName(left);
    }
}
