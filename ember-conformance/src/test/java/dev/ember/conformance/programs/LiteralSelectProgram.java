package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The smallest program: one SQL query from the session, no DataFrame methods yet. */
public final class LiteralSelectProgram implements DataFrameProgram {
    private static final String QUERY =
            "SELECT id, id * 2 AS doubled, CAST(id AS STRING) AS text FROM range(5) WHERE id % 2 = 0 ORDER BY id";

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        return spark.sql(QUERY);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return ember.sql(QUERY);
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
