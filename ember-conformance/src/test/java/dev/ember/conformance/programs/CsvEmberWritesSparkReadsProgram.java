package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Ember writes CSV with each set of writer options, and both engines read Ember's files back with
 * the schema declared and the same options: Spark parses what Ember wrote as Ember itself does.
 */
public final class CsvEmberWritesSparkReadsProgram implements DataFrameProgram {
    private final Path directory = CsvFixtures.newDirectory();
    private boolean written;

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        writeWithEmber(EmberSession.builder().getOrCreate());
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : CsvFixtures.writeVariants().entrySet()) {
            rows.addAll(CsvFixtures.withVariant(variant.getKey(), spark.read().schema(CsvFixtures.SCHEMA).options(variant.getValue())
                    .option("multiLine", "true").csv(directory.resolve(variant.getKey()).toString())));
        }
        return CsvFixtures.readBack(spark, rows);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        writeWithEmber(ember);
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : CsvFixtures.writeVariants().entrySet()) {
            rows.addAll(CsvFixtures.withVariant(variant.getKey(), ember.read().schema(CsvFixtures.SCHEMA).options(variant.getValue())
                    .option("multiLine", "true").csv(directory.resolve(variant.getKey()).toString())));
        }
        return CsvFixtures.readBack(ember, rows);
    }

    private void writeWithEmber(EmberSession ember) {
        if (!written) {
            for (Map.Entry<String, Map<String, String>> variant : CsvFixtures.writeVariants().entrySet()) {
                CsvFixtures.values(ember).write().options(variant.getValue()).csv(directory.resolve(variant.getKey()).toString());
            }
            written = true;
        }
    }
}
