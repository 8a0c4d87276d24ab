package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark writes JSON, and both engines infer the schema of Spark's files and read them: dates,
 * timestamps and base64 stay strings, NaN is a string beside doubles, structs and arrays nest.
 */
public final class JsonSparkWritesInferredProgram implements DataFrameProgram {
    private final String directory = JsonFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        JsonFixtures.values(spark).write().json(directory);
        return spark.read().json(directory);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        return ember.read().json(directory);
    }
}
