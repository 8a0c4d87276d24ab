package dev.ember.sql;

import dev.ember.parser.SqlParser;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Reads files into a DataFrame, as Spark's {@code DataFrameReader}: {@code read().option("header", "true").csv(path)}. */
public final class DataFrameReader {
    private final EmberSession session;
    private final Map<String, String> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String format = "parquet";
    private StructType schema;

    DataFrameReader(EmberSession session) {
        this.session = session;
    }

    public DataFrameReader format(String name) {
        this.format = name;
        return this;
    }

    public DataFrameReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameReader option(String key, boolean value) {
        return option(key, String.valueOf(value));
    }

    public DataFrameReader option(String key, long value) {
        return option(key, String.valueOf(value));
    }

    public DataFrameReader options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    public DataFrameReader schema(StructType userSchema) {
        this.schema = userSchema;
        return this;
    }

    /** The schema as a DDL string: {@code "id INT, name STRING"}. */
    public DataFrameReader schema(String ddl) {
        return schema(SqlParser.parseTableSchema(ddl));
    }

    public DataFrame load(String... paths) {
        return new DataFrame(session, DataSources.relation(session, format, Arrays.asList(paths), options, schema));
    }

    public DataFrame csv(String... paths) {
        return format("csv").load(paths);
    }

    public DataFrame text(String... paths) {
        return format("text").load(paths);
    }

    public DataFrame json(String... paths) {
        return format("json").load(paths);
    }

    public DataFrame parquet(String... paths) {
        return format("parquet").load(paths);
    }

    public DataFrame table(String name) {
        return session.table(name);
    }
}
