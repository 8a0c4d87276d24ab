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
 * The text writer, byte for byte, with lineSep and compression; plus reading several files at once
 * (read().text(a, b)) and a directory.
 */
public final class TextReadWriteProgram implements DataFrameProgram {
    private static final Map<String, Map<String, String>> VARIANTS = Map.of(
            "default", Map.of(),
            "pipe", Map.of("lineSep", "|"),
            "crlf", Map.of("lineSep", "\r\n"),
            "gzip", Map.of("compression", "gzip"),
            "none", Map.of("compression", "none"));
    private static final String LINES = "SELECT * FROM VALUES ('a'), (''), (' padded '), ('line\nbreak'), ('é'), (NULL) AS t(value)";

    private final Path directory = CsvFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        List<List<Object>> texts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : VARIANTS.entrySet()) {
            Path out = directory.resolve("spark-" + variant.getKey());
            spark.sql(LINES).coalesce(1).write().options(variant.getValue()).text(out.toString());
            texts.addAll(CsvFixtures.fileTexts(variant.getKey(), out));
        }
        Dataset<Row> files = spark.read().text(DataFrameProgram.data("text/mixed.txt"), DataFrameProgram.data("text/pipes.txt"))
                .union(spark.read().text(DataFrameProgram.data("text/dir")));
        return CsvFixtures.fileTexts(spark, texts).union(files.selectExpr("'read'", "''", "value"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        List<List<Object>> texts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : VARIANTS.entrySet()) {
            Path out = directory.resolve("ember-" + variant.getKey());
            ember.sql(LINES).coalesce(1).write().options(variant.getValue()).text(out.toString());
            texts.addAll(CsvFixtures.fileTexts(variant.getKey(), out));
        }
        DataFrame files = ember.read().text(DataFrameProgram.data("text/mixed.txt"), DataFrameProgram.data("text/pipes.txt"))
                .union(ember.read().text(DataFrameProgram.data("text/dir")));
        return CsvFixtures.fileTexts(ember, texts).union(files.selectExpr("'read'", "''", "value"));
    }
}
