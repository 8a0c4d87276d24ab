package dev.ember.conformance.programs;

import dev.ember.conformance.DataFrameProgram;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The CSV writer's bytes with an encoding (ISO-8859-1, UTF-16LE) and a compression (gzip, none),
 * then both engines read the encoded files back.
 */
public final class CsvWriteEncodingProgram implements DataFrameProgram {
    private static final String ROWS = "SELECT * FROM VALUES (1, 'café'), (2, 'naïve, \"q\"'), (3, NULL) AS t(id, s)";
    private static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("latin1", Map.of("encoding", "ISO-8859-1", "header", "true"));
        VARIANTS.put("utf16", Map.of("encoding", "UTF-16LE"));
        VARIANTS.put("gzip", Map.of("compression", "gzip", "header", "true"));
        VARIANTS.put("none", Map.of("compression", "none"));
    }

    private final Path directory = CsvFixtures.newDirectory();

    @Override
    public Dataset<Row> spark(SparkSession spark) {
        List<List<Object>> texts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : VARIANTS.entrySet()) {
            Path out = directory.resolve("spark-" + variant.getKey());
            spark.sql(ROWS).coalesce(1).write().options(variant.getValue()).csv(out.toString());
            texts.addAll(CsvFixtures.fileTexts(variant.getKey(), out));
        }
        Dataset<Row> latin1 = spark.read().option("encoding", "ISO-8859-1").option("header", "true").schema("id INT, s STRING")
                .csv(directory.resolve("spark-latin1").toString());
        return CsvFixtures.fileTexts(spark, texts).union(latin1.selectExpr("'read'", "cast(id AS STRING)", "s"));
    }

    @Override
    public DataFrame ember(EmberSession ember) {
        List<List<Object>> texts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> variant : VARIANTS.entrySet()) {
            Path out = directory.resolve("ember-" + variant.getKey());
            ember.sql(ROWS).coalesce(1).write().options(variant.getValue()).csv(out.toString());
            texts.addAll(CsvFixtures.fileTexts(variant.getKey(), out));
        }
        DataFrame latin1 = ember.read().option("encoding", "ISO-8859-1").option("header", "true").schema("id INT, s STRING")
                .csv(directory.resolve("ember-latin1").toString());
        return CsvFixtures.fileTexts(ember, texts).union(latin1.selectExpr("'read'", "cast(id AS STRING)", "s"));
    }
}
