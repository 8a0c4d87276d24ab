package dev.ember.conformance;

import dev.ember.conformance.Outcome.Column;
import dev.ember.conformance.Outcome.Failure;
import dev.ember.conformance.Outcome.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/** Runs statements and programs on Apache Spark and turns what comes back into {@link Outcome}s. */
final class SparkRunner {
    private SparkRunner() {
    }

    /** Runs each statement with {@code spark.sql} (one statement per call) and collects its result. */
    static List<Outcome> runStatements(SparkSession spark, List<SqlText.Statement> statements) {
        List<Outcome> outcomes = new ArrayList<>();
        for (SqlText.Statement statement : statements) {
            outcomes.add(run(() -> spark.sql(statement.text())));
        }
        return outcomes;
    }

    /** Builds the Dataset (which may already fail, as analysis errors do) and collects it. */
    static Outcome run(Supplier<Dataset<Row>> program) {
        try {
            Dataset<Row> dataset = program.get();
            List<Column> columns = Arrays.stream(dataset.schema().fields())
                    .map(field -> new Column(field.name(), field.dataType().simpleString()))
                    .toList();
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : dataset.collectAsList()) {
                rows.add(normalizeRow(row));
            }
            return new Result(columns, rows);
        } catch (Exception error) {
            return failure(error);
        }
    }

    /**
     * The failure with the error condition of the first {@link SparkThrowable} in the cause chain
     * that has one (task failures arrive wrapped in a {@code SparkException}).
     */
    static Failure failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SparkThrowable throwable && throwable.getCondition() != null) {
                return Failure.classified(throwable.getCondition(), cause);
            }
        }
        return Failure.unclassified(error);
    }

    private static List<Object> normalizeRow(Row row) {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(normalize(row.get(i)));
        }
        return values;
    }

    private static Object normalize(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant(); // only without the java8 API; compared as Ember's Instant, to the microsecond
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Row struct) {
            return normalizeRow(struct);
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return Values.normalizeList(CollectionConverters.asJava(seq), SparkRunner::normalize);
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            return Values.normalizeMap(CollectionConverters.asJava(map), SparkRunner::normalize);
        }
        return value;
    }
}
