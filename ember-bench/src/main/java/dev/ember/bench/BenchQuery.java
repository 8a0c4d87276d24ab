package dev.ember.bench;

import dev.ember.bench.engine.Program;
import java.util.Map;
import java.util.Objects;

/**
 * One timed query of a suite: SQL text per dialect (an engine whose dialect has none does not run
 * it), or a program (DataFrames or RDDs) that Ember and Apache Spark run over {@code input}.
 */
public record BenchQuery(String name, Map<Dialect, String> sql, Class<? extends Program> program, String input) {
    public BenchQuery {
        Objects.requireNonNull(name, "name is null");
        sql = Map.copyOf(sql);
        if (sql.isEmpty() == (program == null)) {
            throw new IllegalArgumentException(name + ": a query is either SQL or a program");
        }
    }

    /** The same SQL for every engine. */
    public static BenchQuery sql(String name, String sql) {
        return new BenchQuery(name, Map.of(Dialect.SPARK, sql, Dialect.DUCKDB, sql), null, null);
    }

    /** Spark's SQL for Ember and Spark, DuckDB's for DuckDB. */
    public static BenchQuery sql(String name, String sparkSql, String duckDbSql) {
        return new BenchQuery(name, Map.of(Dialect.SPARK, sparkSql, Dialect.DUCKDB, duckDbSql), null, null);
    }

    /** A program (Ember and Spark only) over {@code input}. */
    public static BenchQuery program(String name, Class<? extends Program> program, String input) {
        return new BenchQuery(name, Map.of(), program, input);
    }

    public boolean runsOn(String engine) {
        return program != null ? Dialect.of(engine) == Dialect.SPARK : sql.containsKey(Dialect.of(engine));
    }
}
