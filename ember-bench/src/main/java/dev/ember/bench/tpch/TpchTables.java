package dev.ember.bench.tpch;

import dev.ember.bench.Dialect;
import dev.ember.bench.EngineRun;
import dev.ember.examples.tpch.TpchData;
import dev.ember.examples.tpch.TpchQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The TPC-H tables as the benchmark reads them: the generated files ({@link TpchData}) or copies
 * that Apache Spark converted to another format, as views in Spark's SQL or DuckDB's.
 */
public final class TpchTables {
    private TpchTables() {
    }

    /**
     * The tables of {@code directory} (as {@link TpchData#generate} made them) converted to {@code format} by
     * Apache Spark, as users' files usually are: {@code <directory>/<format>/<table>/}. A table
     * without Spark's {@code _SUCCESS} marker (missing, or an interrupted conversion) is written again.
     */
    public static Path convert(Path directory, String format) throws IOException, InterruptedException {
        Path target = directory.resolve(format);
        StringBuilder script = new StringBuilder(TpchQueries.tables(directory));
        for (String table : TpchData.tableNames()) {
            if (!Files.exists(target.resolve(table).resolve("_SUCCESS"))) {
                script.append("INSERT OVERWRITE DIRECTORY '").append(target.resolve(table)).append("' USING ").append(format)
                        .append(" SELECT * FROM ").append(table).append(";\n");
            }
        }
        if (script.indexOf("INSERT") >= 0) {
            System.err.println("converting the TPC-H tables to " + format + " with Apache Spark into " + target + "...");
            Path setup = Files.createTempFile("tpch-convert", ".sql");
            try {
                Files.writeString(setup, script);
                EngineRun run = EngineRun.start("spark", "4g", setup, Map.of(), Map.of(), 1, directory.resolve("convert-" + format + ".log"),
                        "local[2]", Map.of());
                if (Double.isNaN(run.startup())) {
                    throw new IOException("the conversion to " + format + " failed; see " + directory.resolve("convert-" + format + ".log"));
                }
            } finally {
                Files.delete(setup);
            }
        }
        return target;
    }

    /**
     * The views over the tables for {@code dialect}: Spark's ({@link #view}), or DuckDB views over
     * {@code read_parquet} / {@code read_csv} of the same files, typed as tables.sql says.
     */
    public static String views(Path directory, String format, Dialect dialect) {
        StringBuilder script = new StringBuilder();
        for (String table : TpchData.tableNames()) {
            script.append(dialect == Dialect.SPARK ? view(directory, format, table, table) : duckDbView(directory, format, table, table))
                    .append(";\n");
        }
        return script.toString();
    }

    /**
     * The view {@code viewName} over one table in {@code format}: the generated files themselves
     * ({@code csv}), or the directories {@link #convert} wrote. Parquet carries its schema; other
     * formats are given the one tables.sql declares.
     */
    public static String view(Path directory, String format, String table, String viewName) {
        if (format.equals("csv")) {
            return "CREATE OR REPLACE TEMPORARY VIEW " + viewName + " (" + TpchQueries.columnDefinitions(table) + ") USING csv OPTIONS (path '"
                    + TpchData.file(directory, table) + "', sep '|')";
        }
        String schema = format.equals("parquet") ? "" : " (" + TpchQueries.columnDefinitions(table) + ")";
        return "CREATE OR REPLACE TEMPORARY VIEW " + viewName + schema + " USING " + format + " OPTIONS (path '"
                + directory.resolve(format).resolve(table) + "')";
    }

    /** The DuckDB view {@code viewName} over one table in {@code format} (csv or parquet). */
    public static String duckDbView(Path directory, String format, String table, String viewName) {
        String source = switch (format) {
            case "csv" -> "read_csv('" + TpchData.file(directory, table) + "', delim = '|', header = false, auto_detect = false, columns = {"
                    + String.join(", ", Arrays.stream(TpchQueries.columnDefinitions(table).split(",(?![^(]*\\))")).map(column -> {
                        String[] nameAndType = column.strip().split("\\s+", 2);
                        return "'" + nameAndType[0] + "': '" + nameAndType[1].replace("STRING", "VARCHAR") + "'";
                    }).toList()) + "})";
            case "parquet" -> "read_parquet('" + directory.resolve(format).resolve(table) + "/*.parquet')";
            default -> throw new IllegalArgumentException("DuckDB reads TPC-H as csv or parquet, not " + format);
        };
        return "CREATE OR REPLACE VIEW " + viewName + " AS SELECT * FROM " + source;
    }
}
