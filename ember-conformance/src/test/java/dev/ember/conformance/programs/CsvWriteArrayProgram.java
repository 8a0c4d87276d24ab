package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writing an array column as CSV fails: CSV holds only atomic values. */
public final class CsvWriteArrayProgram implements DataFrameProgram {
    private final String path = CsvFixtures.newDirectory().resolve("out").toString();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        spark.sql("SELECT 1 AS id, array(1, 2) AS xs").write().csv(path + "-spark");
        return spark.sql("SELECT 1");
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        ember.sql("SELECT 1 AS id, array(1, 2) AS xs").write().csv(path + "-ember");
        return ember.sql("SELECT 1");
    }
}
