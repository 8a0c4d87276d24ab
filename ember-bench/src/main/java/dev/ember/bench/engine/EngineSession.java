package dev.ember.bench.engine;

import java.util.List;

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

    @Override
    void close();

    /**
     * A session of {@code engine} with two worker threads ({@code local[2]}, or DuckDB's
     * {@code threads=2}); DuckDB's memory is limited to this JVM's heap, so that every engine gets the same budget.
     */
    static EngineSession open(String engine) {
        return switch (engine) {
            case "ember" -> new EmberEngineSession();
            case "spark" -> new SparkEngineSession();
            case "duckdb" -> new DuckDbEngineSession(Runtime.getRuntime().maxMemory());
            default -> throw new IllegalArgumentException("unknown engine " + engine + "; expected one of " + NAMES);
        };
    }
}
