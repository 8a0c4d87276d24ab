package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark writes JSON (with a timestamp format and a time zone of its own), and both engines read
 * Spark's files back with the schema declared.
 */
public final class JsonSparkWritesEmberReadsProgram implements DataFrameProgram {
    private final String directory = JsonFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        JsonFixtures.values(spark).write().option("timestampFormat", "yyyy-MM-dd HH:mm:ss.SSS").option("timeZone", "UTC").json(directory);
        return spark.read().schema(JsonFixtures.SCHEMA).option("timestampFormat", "yyyy-MM-dd HH:mm:ss.SSS")
                .option("timeZone", "UTC").json(directory);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return ember.read().schema(JsonFixtures.SCHEMA).option("timestampFormat", "yyyy-MM-dd HH:mm:ss.SSS")
                .option("timeZone", "UTC").json(directory);
    }
}
