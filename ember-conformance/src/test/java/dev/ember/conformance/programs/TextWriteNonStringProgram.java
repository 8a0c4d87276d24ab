package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writing text from an integer column fails: the text source takes one string column. */
public final class TextWriteNonStringProgram implements DataFrameProgram {
    private final String path = CsvFixtures.newDirectory().resolve("out").toString();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        spark.sql("SELECT 1 AS n").write().text(path + "-spark");
        return spark.sql("SELECT 1");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        ember.sql("SELECT 1 AS n").write().text(path + "-ember");
        return ember.sql("SELECT 1");
    }
}
