package dev.ember.examples.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 22 TPC-H queries as Spark SQL ({@code qNN.sql}) and the views over the generated files
 * ({@code tables.sql}), kept as resources next to this class: the one copy that the {@code tpch}
 * example, the benchmark and the conformance suite all run.
 */
public final class TpchQueries {
    public static final int COUNT = 22;
    /** One view of tables.sql: its name and its column list. */
    private static final Pattern VIEW = Pattern.compile("CREATE OR REPLACE TEMPORARY VIEW (\\w+) \\((.*?)\\)\\s+USING csv", Pattern.DOTALL);
    /** Commas between column definitions, not those inside {@code DECIMAL(15,2)}. */
    private static final Pattern COLUMN_SEPARATOR = Pattern.compile(",(?![^(]*\\))");

    private TpchQueries() {
    }

    /** {@code q01} ... {@code q22}. */
    public static String name(int number) {
        return String.format("q%02d", number);
    }

    /** The query text, without its trailing semicolon. */
    public static String query(int number) {
        String text = script(number).strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /** The file's text as it is: a comment line, the query, a semicolon. */
    public static String script(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("TPC-H has queries 1 to " + COUNT + ", not " + number);
        }
        return resource(name(number) + ".sql");
    }

    /** The {@code CREATE TEMPORARY VIEW} statements over the generated files in {@code directory}, as one script. */
    public static String tables(Path directory) {
        return resource("tables.sql").replace("${tpch}", directory.toString());
    }

    /** The column names of a table, in order. */
    public static List<String> columns(String table) {
        return Arrays.stream(COLUMN_SEPARATOR.split(columnDefinitions(table))).map(column -> column.strip().split("\\s+")[0]).toList();
    }

    /** The columns tables.sql declares for a table, as a DDL list: {@code n_nationkey BIGINT, n_name STRING, ...}. */
    public static String columnDefinitions(String table) {
        Matcher view = VIEW.matcher(resource("tables.sql"));
        while (view.find()) {
            if (view.group(1).equals(table)) {
                return view.group(2).replaceAll("\\s+", " ");
            }
        }
        throw new IllegalArgumentException("no TPC-H table " + table);
    }

    private static String resource(String name) {
        try (InputStream in = TpchQueries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + TpchQueries.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
