package dev.ember.bench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Apache Spark in {@code local[2]} or on a standalone cluster, without its web UI. */
final class SparkEngineSession implements EngineSession {
    private final SparkSession spark;

    SparkEngineSession(String master, Map<String, String> settings) {
        SparkSession.Builder builder = SparkSession.builder().appName("bench").master(master).config("spark.ui.enabled", "false");
        settings.forEach(builder::config);
        spark = builder.getOrCreate();
    }

    @Override
    public long firstTaskMillis() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(0), 1)
                .map(ignored -> System.currentTimeMillis()).collect().get(0);
    }

    @Override
    public void execute(String statement) {
        spark.sql(statement);
    }

    @Override
    public List<List<Object>> rows(String query) {
        return collect(spark.sql(query));
    }

    @Override
    public List<List<Object>> rows(Program program, String input) {
        if (program instanceof DataFrameProgram frames) {
            return collect(frames.onSpark(spark, input));
        }
        return ((RddProgram) program).onSpark(JavaSparkContext.fromSparkContext(spark.sparkContext()), input);
    }

    private static List<List<Object>> collect(Dataset<Row> frame) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            List<Object> values = new ArrayList<>(row.length());
            for (int i = 0; i < row.length(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return rows;
    }

    @Override
    public void close() {
        spark.stop();
    }
}
