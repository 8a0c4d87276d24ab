package dev.ember.bench;

/** The SQL a benchmark query is written in: Spark's (Ember and Apache Spark run it) or DuckDB's. */
public enum Dialect {
    SPARK,
    DUCKDB;

    /** The dialect {@code engine} speaks. */
    public static Dialect of(String engine) {
        return engine.equals("duckdb") ? DUCKDB : SPARK;
    }
}
