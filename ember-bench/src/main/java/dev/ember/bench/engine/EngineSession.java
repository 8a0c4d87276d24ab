package dev.ember.bench.engine;

import java.util.List;
import java.util.Map;

/**
 * One engine as the benchmark child ({@link dev.ember.bench.QueryRunner}) drives it: statements,
 * queries and programs (DataFrames or RDDs), each answer returned as rows of plain Java values.
 */
public interface EngineSession extends AutoCloseable {
    /** The engines the benchmarks know, by the names {@code --engines} takes. */
    List<String> NAMES = List.of("ember", "spark", "duckdb");

    /** Runs a statement for its effect (a view, a setting); its result, if any, is dropped. */
    void execute(String statement);

    /** Runs a query to completion and returns every row. */
    List<List<Object>> rows(String query);

    /**
     * Runs a program to completion and returns every row of its answer; engines without Spark's
     * API throw {@link UnsupportedOperationException}.
     */
    List<List<Object>> rows(Program program, String input);

    /**
     * Runs a job of one task that returns the executor's clock when it ran
     * ({@link System#currentTimeMillis}): when the session's first task started. Engines without
     * tasks return -1.
     */
    long firstTaskMillis();

    @Override
    void close();

    /**
     * A session of {@code engine} with two worker threads ({@code local[2]}, or DuckDB's
     * {@code threads=2}); DuckDB's memory is limited to this JVM's heap, so that every engine gets the same budget.
     */
    static EngineSession open(String engine) {
        return open(engine, "local[2]", Map.of());
    }

    /** A session of {@code engine} (ember or spark) on {@code master} (a cluster's URL, or local[N]) with {@code settings}. */
    static EngineSession open(String engine, String master, Map<String, String> settings) {
        return switch (engine) {
            case "ember" -> new EmberEngineSession(master, settings);
            case "spark" -> new SparkEngineSession(master, settings);
            case "duckdb" -> new DuckDbEngineSession(Runtime.getRuntime().maxMemory());
            default -> throw new IllegalArgumentException("unknown engine " + engine + "; expected one of " + NAMES);
        };
    }
}
