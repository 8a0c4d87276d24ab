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
 * Spark writes CSV with each set of writer options, and both engines read Spark's files back with
 * the schema declared and the same options.
 */
public final class CsvSparkWritesEmberReadsProgram implements DataFrameProgram {
    private final Path directory = CsvFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : CsvFixtures.writeVariants().entrySet()) {
            String path = directory.resolve(variant.getKey()).toString();
            CsvFixtures.values(spark).write().options(variant.getValue()).csv(path);
            rows.addAll(CsvFixtures.withVariant(variant.getKey(), spark.read().schema(CsvFixtures.SCHEMA).options(variant.getValue())
                    .option("multiLine", "true").csv(path)));
        }
        return CsvFixtures.readBack(spark, rows);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : CsvFixtures.writeVariants().entrySet()) {
            rows.addAll(CsvFixtures.withVariant(variant.getKey(), ember.read().schema(CsvFixtures.SCHEMA).options(variant.getValue())
                    .option("multiLine", "true").csv(directory.resolve(variant.getKey()).toString())));
        }
        return CsvFixtures.readBack(ember, rows);
    }
}
