package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Ember writes JSON, and both engines read Ember's files back with the schema declared: Spark
 * reads what Ember wrote as Ember itself does.
 */
public final class JsonEmberWritesSparkReadsProgram implements DataFrameProgram {
    private final String directory = JsonFixtures.newDirectory();
    private boolean written;

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        writeWithEmber(EmberSession.builder().getOrCreate());
        return spark.read().schema(JsonFixtures.SCHEMA).json(directory);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        writeWithEmber(ember);
        return ember.read().schema(JsonFixtures.SCHEMA).json(directory);
    }

    private void writeWithEmber(EmberSession ember) {
        if (!written) {
            JsonFixtures.values(ember).write().json(directory);
            written = true;
        }
    }
}
