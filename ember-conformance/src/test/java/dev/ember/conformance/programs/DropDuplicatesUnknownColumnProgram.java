package dev.ember.conformance.programs;

import static dev.ember.sql.functions.*;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** dropDuplicates on a name the frame does not have fails as in Spark. */
public final class DropDuplicatesUnknownColumnProgram implements DataFrameProgram {
    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return Fixtures.left(spark).dropDuplicates("nope");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return Fixtures.left(ember).dropDuplicates("nope");
    }
}
