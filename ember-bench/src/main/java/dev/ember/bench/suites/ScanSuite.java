package dev.ember.bench.suites;

import dev.ember.bench.BenchOptions;
import dev.ember.bench.BenchQuery;
import dev.ember.bench.Dialect;
import dev.ember.bench.EngineRun;
import dev.ember.bench.Suite;
import dev.ember.bench.Workload;
import dev.ember.bench.tpch.TpchTables;
import dev.ember.examples.tpch.TpchData;
import dev.ember.examples.tpch.TpchQueries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scan throughput: TPC-H {@code lineitem} read whole from the same CSV, JSON and Parquet files
 * (JSON and Parquet converted from the generated CSV by Spark). The query counts every column, which
 * makes an engine decode every value while doing almost nothing else. The notes give MB/s of file
 * bytes and rows/s per core. DuckDB reads CSV and Parquet (its JSON reader is an extension, left out).
 */
public final class ScanSuite implements Suite {
    private static final List<String> FORMATS = List.of("csv", "json", "parquet");
    private static final int THREADS = 2;

    private long rows;
    private final Map<String, Long> bytes = new LinkedHashMap<>();

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String description() {
        return "TPC-H lineitem (SF --sf) read whole from CSV, JSON and Parquet; MB/s and rows/s per core";
    }

    @Override
    public Workload prepare(BenchOptions options) throws Exception {
        Path data = TpchData.generate(options.dataDirectory("tpch"), options.scale());
        rows = lineCount(data.resolve("lineitem.tbl"));
        String counts = String.join(", ", TpchQueries.columns("lineitem").stream().map(c -> "count(" + c + ")").toList());
        Map<Dialect, String> setup = new EnumMap<>(Dialect.class);
        StringBuilder spark = new StringBuilder();
        StringBuilder duckDb = new StringBuilder();
        List<BenchQuery> queries = new ArrayList<>();
        for (String format : FORMATS) {
            if (!options.selects(format)) {
                continue;
            }
            Path location = format.equals("csv") ? data.resolve("lineitem.tbl") : TpchTables.convert(data, format).resolve("lineitem");
            bytes.put(format, dataBytes(location));
            String view = "lineitem_" + format;
            spark.append(TpchTables.view(data, format, "lineitem", view)).append(";\n");
            String query = "SELECT count(*), " + counts + " FROM " + view;
            if (format.equals("json")) {
                queries.add(new BenchQuery(format, Map.of(Dialect.SPARK, query), null, null));
            } else {
                duckDb.append(TpchTables.duckDbView(data, format, "lineitem", view)).append(";\n");
                queries.add(BenchQuery.sql(format, query));
            }
        }
        setup.put(Dialect.SPARK, spark.toString());
        setup.put(Dialect.DUCKDB, duckDb.toString());
        return new Workload(String.format(Locale.ROOT, "Scan of TPC-H SF %s lineitem (%,d rows), every column", options.scaleName(), rows),
                setup, queries);
    }

    @Override
    public List<String> notes(Workload workload, List<EngineRun> results) {
        List<String> notes = new ArrayList<>();
        for (EngineRun run : results) {
            bytes.forEach((format, size) -> {
                EngineRun.Query query = run.queries().get(format);
                if (query != null && query.answered()) {
                    notes.add(String.format(Locale.ROOT, "%s %s (%.0f MB): %.0f MB/s, %,.0f rows/s per core", run.engine(), format,
                            size / 1e6, size / 1e6 / query.median(), rows / query.median() / THREADS));
                }
            });
        }
        return notes;
    }

    /** The bytes of a file, or of the data files under a directory (not Spark's {@code _SUCCESS} or hidden files). */
    private static long dataBytes(Path location) throws IOException {
        try (Stream<Path> files = Files.walk(location)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString().startsWith("."))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static long lineCount(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
