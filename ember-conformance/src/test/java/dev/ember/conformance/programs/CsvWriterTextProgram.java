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
 * The CSV writer's text, byte for byte: each engine writes the same rows (every type, values
 * needing quotes or escapes, nulls, empty strings, NaN, infinities, -0.0) with one set of options
 * after another (header, sep, quote, escape, quoteAll, escapeQuotes, nullValue, emptyValue, date
 * and timestamp formats, timeZone, lineSep, whitespace trimming), and the files are compared.
 */
public final class CsvWriterTextProgram implements DataFrameProgram {
    private final Path directory = CsvFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        List<List<Object>> texts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : CsvFixtures.writeVariants().entrySet()) {
            Path out = directory.resolve("spark-" + variant.getKey());
            CsvFixtures.values(spark).write().options(variant.getValue()).csv(out.toString());
            texts.addAll(CsvFixtures.fileTexts(variant.getKey(), out));
        }
        return CsvFixtures.fileTexts(spark, texts);
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        List<List<Object>> texts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : CsvFixtures.writeVariants().entrySet()) {
            Path out = directory.resolve("ember-" + variant.getKey());
            CsvFixtures.values(ember).write().options(variant.getValue()).csv(out.toString());
            texts.addAll(CsvFixtures.fileTexts(variant.getKey(), out));
        }
        return CsvFixtures.fileTexts(ember, texts);
    }
}
