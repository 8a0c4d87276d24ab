package dev.ember.bench;

import dev.ember.bench.tpch.TpchData;
import dev.ember.bench.tpch.TpchQueries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scan throughput: TPC-H {@code lineitem} read whole (every column converted) from the same CSV,
 * JSON and Parquet files by Ember and by Apache Spark, each engine in its own JVM, local[2], same
 * heap. JSON and Parquet are converted from the generated CSV by Spark. The query counts every
 * column, which makes each engine decode every value while doing almost nothing else. Reports the
 * median seconds, MB/s of file bytes and rows/s per core (2 task threads). {@code --small-files N}
 * adds the same CSV rows cut into N files, to show what many small files cost.
 *
 * <pre>
 * ./ember bench scan --sf 1 [--formats csv,json,parquet] [--small-files 10000] [--engines ember,spark] [--runs 3] [--heap 8g] [--data DIR] [--out DIR]
 * </pre>
 */
public final class ScanBenchmark {
    private static final int TASK_THREADS = 2;

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scaleFactor = 1;
        List<String> formats = List.of("csv", "json", "parquet");
        List<String> engines = List.of("ember", "spark");
        int runs = 3;
        String heap = "8g";
        Path data = null;
        Path out = BenchEnvironment.repositoryRoot().resolve("ember-bench/target/results");
        int smallFiles = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sf" -> scaleFactor = Double.parseDouble(args[++i]);
                case "--formats" -> formats = List.of(args[++i].split(","));
                case "--engines" -> engines = List.of(args[++i].split(","));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--small-files" -> smallFiles = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; see the class comment for usage");
            }
        }
        String sf = new java.math.BigDecimal(Double.toString(scaleFactor)).stripTrailingZeros().toPlainString();
        if (data == null) {
            data = Path.of(System.getProperty("user.home"), ".cache", "ember-bench", "tpch", "sf" + sf);
        }
        TpchData.generate(data, scaleFactor);
        long rows = lineCount(data.resolve("lineitem.tbl"));
        Path scripts = Files.createDirectories(out.resolve("scan-sql"));
        StringBuilder setup = new StringBuilder();
        Map<String, Path> queries = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        String counts = String.join(", ", TpchQueries.columns("lineitem").stream().map(c -> "count(" + c + ")").toList());
        for (String format : formats) {
            Path location = format.equals("csv") ? data.resolve("lineitem.tbl") : TpchData.convert(data, format).resolve("lineitem");
            bytes.put(format, dataBytes(location));
            setup.append(TpchQueries.view(data, format, "lineitem", "lineitem_" + format)).append(";\n");
            queries.put(format, Files.writeString(scripts.resolve(format + ".sql"), "SELECT count(*), " + counts + " FROM lineitem_" + format));
        }
        if (smallFiles > 0) {
            String name = "csv_" + smallFiles + "_files";
            Path directory = cutInto(data.resolve("lineitem.tbl"), smallFiles, data.resolve("lineitem-" + smallFiles + "-files"));
            bytes.put(name, dataBytes(directory));
            formats = new ArrayList<>(formats);
            formats.add(name);
            setup.append(TpchQueries.view(data, "csv", "lineitem", "lineitem_" + name)
                    .replace(data.resolve("lineitem.tbl").toString(), directory.toString())).append(";\n");
            queries.put(name, Files.writeString(scripts.resolve(name + ".sql"), "SELECT count(*), " + counts + " FROM lineitem_" + name));
        }
        Path setupFile = Files.writeString(scripts.resolve("views.sql"), setup);

        List<EngineRun> results = new ArrayList<>();
        for (String engine : engines) {
            Path log = out.resolve("scan-sf" + sf + "-" + engine + ".log");
            System.err.printf(Locale.ROOT, "%s: scanning lineitem in %s, 1 warm-up + %d runs each, heap %s (its log: %s)...%n",
                    engine, formats, runs, heap, log);
            results.add(EngineRun.start(engine, heap, setupFile, queries, runs, log));
        }
        String table = table(results, formats, bytes, rows, sf, runs, heap);
        System.out.print(table);
        Path report = out.resolve("scan-sf" + sf + "-" + Instant.now().toString().replace(":", "").replaceAll("\\..*", "") + ".md");
        Files.writeString(report, table);
        System.err.println("results written to " + report);
    }

    private static String table(List<EngineRun> results, List<String> formats, Map<String, Long> bytes, long rows, String sf,
            int runs, String heap) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Scan of TPC-H SF %s lineitem (%,d rows), every column, median of %d runs after a warm-up; local[%d], heap %s, %d cores, Java %s%n%n",
                sf, rows, runs, TASK_THREADS, heap, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append("| format | MB |");
        results.forEach(r -> out.append(' ').append(r.engine()).append(" s | ").append(r.engine()).append(" MB/s | ")
                .append(r.engine()).append(" rows/s/core |"));
        boolean ratio = results.size() == 2;
        out.append(ratio ? " speed-up | answers |\n" : " answers |\n").append("|---|---:|");
        results.forEach(r -> out.append("---:|---:|---:|"));
        out.append(ratio ? "---:|---|\n" : "---|\n");
        for (String format : formats) {
            double megabytes = bytes.get(format) / 1e6;
            out.append(String.format(Locale.ROOT, "| %s | %.0f |", format, megabytes));
            List<EngineRun.Query> row = results.stream().map(r -> r.queries().get(format)).toList();
            for (EngineRun.Query query : row) {
                if (query == null || !query.answered()) {
                    out.append(" failed | | |");
                } else {
                    double seconds = query.median();
                    out.append(String.format(Locale.ROOT, " %.3f | %.0f | %,.0f |", seconds, megabytes / seconds, rows / seconds / TASK_THREADS));
                }
            }
            boolean answered = row.stream().allMatch(q -> q != null && q.answered());
            if (ratio) {
                out.append(answered ? String.format(Locale.ROOT, " %.2f× |", row.get(1).median() / row.get(0).median()) : " |");
            }
            out.append(!answered ? " |" : row.stream().map(EngineRun.Query::digest).distinct().count() == 1 ? " agree |" : " DIFFER |").append('\n');
        }
        out.append('\n');
        results.forEach(r -> out.append(String.format(Locale.ROOT, "- %s: peak RSS %.2f GB%n", r.engine(), r.peakRss() / 1e9)));
        return out.toString();
    }

    /** The bytes of a file, or of the data files under a directory (not Spark's {@code _SUCCESS} or hidden files). */
    private static long dataBytes(Path location) throws IOException {
        try (Stream<Path> files = Files.walk(location)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString().startsWith("."))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The lines of {@code file} dealt round-robin into {@code count} files under {@code directory}, made once. */
    private static Path cutInto(Path file, int count, Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        System.err.println("cutting " + file + " into " + count + " files in " + directory + "...");
        Path partial = Files.createDirectories(directory.resolveSibling(directory.getFileName() + ".partial"));
        java.io.BufferedWriter[] writers = new java.io.BufferedWriter[count];
        try (java.io.BufferedReader lines = Files.newBufferedReader(file)) {
            for (int i = 0; i < count; i++) {
                writers[i] = Files.newBufferedWriter(partial.resolve(String.format(Locale.ROOT, "part-%06d.tbl", i)), java.nio.charset.StandardCharsets.UTF_8);
            }
            int next = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                writers[next].write(line);
                writers[next].newLine();
                next = (next + 1) % count;
            }
        } finally {
            for (java.io.BufferedWriter writer : writers) {
                if (writer != null) {
                    writer.close();
                }
            }
        }
        Files.move(partial, directory, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return directory;
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
