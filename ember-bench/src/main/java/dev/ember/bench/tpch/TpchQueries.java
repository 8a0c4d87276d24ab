package dev.ember.bench.tpch;

import dev.ember.bench.Dialect;
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
 * ({@code tables.sql}), kept as resources next to this class so that the benchmark and the
 * conformance suite run the same text.
 */
public final class TpchQueries {
    public static final int COUNT = 22;
    /** One view of tables.sql: its name and its column list. */
    private static final Pattern VIEW = Pattern.compile("CREATE OR REPLACE TEMPORARY VIEW (\\w+) \\((.*?)\\)\\s+USING csv", Pattern.DOTALL);

    private TpchQueries() {
    }

    /** {@code q01} ... {@code q22}. */
    public static String name(int number) {
        return String.format("q%02d", number);
    }

    /** The query text, without its trailing semicolon. */
    public static String query(int number) {
        String text = resource(name(number) + ".sql").strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The query as {@code dialect} needs it: DuckDB reads the few queries whose Spark SQL it does not
     * take from {@code duckdb/qNN.sql} (each says what differs), and the others as they are.
     */
    public static String script(int number, Dialect dialect) {
        if (dialect == Dialect.DUCKDB && TpchQueries.class.getResource("duckdb/" + name(number) + ".sql") != null) {
            return resource("duckdb/" + name(number) + ".sql");
        }
        return script(number);
    }

    /** The file's text as it is: a comment line, the query, a semicolon. */
    public static String script(int number) {
        return resource(name(number) + ".sql");
    }

    /** The {@code CREATE TEMPORARY VIEW} statements over the generated CSV files in {@code directory}, as one script. */
    public static String tables(Path directory) {
        return resource("tables.sql").replace("${tpch}", directory.toString());
    }

    /**
     * The views over the tables in {@code format} under {@code directory}: the generated CSV files
     * themselves, or the directories {@link TpchData#convert} wrote ({@code <directory>/<format>/<table>}).
     */
    public static String tables(Path directory, String format) {
        StringBuilder script = new StringBuilder();
        for (String table : TpchData.tableNames()) {
            script.append(view(directory, format, table, table)).append(";\n");
        }
        return script.toString();
    }

    /**
     * The view {@code viewName} over one table in {@code format}. Parquet carries its schema; other
     * formats are given the one tables.sql declares.
     */
    public static String view(Path directory, String format, String table, String viewName) {
        if (format.equals("csv")) {
            return "CREATE OR REPLACE TEMPORARY VIEW " + viewName + " (" + declaredColumns(table) + ") USING csv OPTIONS (path '"
                    + directory.resolve(table + ".tbl") + "', sep '|')";
        }
        String schema = format.equals("parquet") ? "" : " (" + declaredColumns(table) + ")";
        return "CREATE OR REPLACE TEMPORARY VIEW " + viewName + schema + " USING " + format + " OPTIONS (path '"
                + directory.resolve(format).resolve(table) + "')";
    }

    /**
     * The views over the tables for {@code dialect}: Spark's ({@link #tables(Path, String)}), or DuckDB
     * views over {@code read_parquet} / {@code read_csv} of the same files, typed as tables.sql says.
     */
    public static String tables(Path directory, String format, Dialect dialect) {
        if (dialect == Dialect.SPARK) {
            return tables(directory, format);
        }
        StringBuilder script = new StringBuilder();
        for (String table : TpchData.tableNames()) {
            script.append(duckDbView(directory, format, table, table)).append(";\n");
        }
        return script.toString();
    }

    /** The DuckDB view {@code viewName} over one table in {@code format} (csv or parquet). */
    public static String duckDbView(Path directory, String format, String table, String viewName) {
        String source = switch (format) {
            case "csv" -> "read_csv('" + directory.resolve(table + ".tbl") + "', delim = '|', header = false, auto_detect = false, columns = {"
                    + String.join(", ", Arrays.stream(declaredColumns(table).split(",(?![^(]*\\))")).map(column -> {
                        String[] nameAndType = column.strip().split("\\s+", 2);
                        return "'" + nameAndType[0] + "': '" + nameAndType[1].replace("STRING", "VARCHAR") + "'";
                    }).toList()) + "})";
            case "parquet" -> "read_parquet('" + directory.resolve(format).resolve(table) + "/*.parquet')";
            default -> throw new IllegalArgumentException("DuckDB reads TPC-H as csv or parquet, not " + format);
        };
        return "CREATE OR REPLACE VIEW " + viewName + " AS SELECT * FROM " + source;
    }

    /** The column names of a table, in order. */
    public static List<String> columns(String table) {
        return Arrays.stream(declaredColumns(table).split(",(?![^(]*\\))")).map(column -> column.strip().split("\\s+")[0]).toList();
    }

    /** The column list tables.sql declares for a table: {@code n_nationkey BIGINT, n_name STRING, ...}. */
    private static String declaredColumns(String table) {
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
