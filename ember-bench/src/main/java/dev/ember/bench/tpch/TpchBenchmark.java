package dev.ember.bench.tpch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ember.bench.BenchEnvironment;
import dev.ember.bench.EngineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TPC-H on Ember and Apache Spark side by side: the same files (the generated CSV, or Parquet that
 * Spark converted them to), the same queries, each engine in its own JVM with the same heap and local[2].
 * Every query runs once to warm up and then {@code --runs} times; the table shows the median, the
 * Ember/Spark ratio and the geometric means, and a query whose answers differ between the engines
 * (by a digest of the ordered rows) is marked and left out of the means.
 *
 * <pre>
 * ./ember bench tpch --sf 1 [--format csv|parquet] [--engines ember,spark] [--runs 3] [--heap 8g] [--data DIR] [--queries 1,3,6] [--out DIR]
 * </pre>
 * Data goes to {@code ~/.cache/ember-bench/tpch/sf<SF>} unless {@code --data} says otherwise; results
 * (Markdown and JSON) to {@code --out}, by default {@code ember-bench/target/results}.
 */
public final class TpchBenchmark {
    private TpchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scaleFactor = 1;
        List<String> engines = List.of("ember", "spark");
        int runs = 3;
        String heap = "8g";
        String format = "csv";
        Path data = null;
        Path out = BenchEnvironment.repositoryRoot().resolve("ember-bench/target/results");
        List<Integer> queries = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sf" -> scaleFactor = Double.parseDouble(args[++i]);
                case "--engines" -> engines = List.of(args[++i].split(","));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--format" -> format = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--queries" -> Arrays.stream(args[++i].split(",")).map(Integer::parseInt).forEach(queries::add);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; see the class comment for usage");
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (queries.isEmpty()) {
            for (int q = 1; q <= TpchQueries.COUNT; q++) {
                queries.add(q);
            }
        }
        String sf = new java.math.BigDecimal(Double.toString(scaleFactor)).stripTrailingZeros().toPlainString();
        if (data == null) {
            data = Path.of(System.getProperty("user.home"), ".cache", "ember-bench", "tpch", "sf" + sf);
        }
        System.err.println("TPC-H SF " + sf + ": data in " + data + " (generated where missing)");
        TpchData.generate(data, scaleFactor);
        if (!format.equals("csv")) {
            TpchData.convert(data, format);
        }

        Files.createDirectories(out);
        Path scripts = Files.createDirectories(out.resolve("tpch-sql"));
        Path setup = Files.writeString(scripts.resolve("tables-" + format + ".sql"), TpchQueries.tables(data, format));
        Map<String, Path> queryFiles = writeQueries(scripts, queries);
        List<EngineRun> results = new ArrayList<>();
        for (String engine : engines) {
            Path log = out.resolve("tpch-sf" + sf + "-" + format + "-" + engine + ".log");
            System.err.printf(Locale.ROOT, "%s: %d queries over %s, 1 warm-up + %d runs each, heap %s (its log: %s)...%n",
                    engine, queries.size(), format, runs, heap, log);
            results.add(EngineRun.start(engine, heap, setup, queryFiles, runs, log));
        }
        String table = table(results, queries, sf, format, runs, heap);
        System.out.print(table);
        String stem = "tpch-sf" + sf + "-" + format + "-" + Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        Files.writeString(out.resolve(stem + ".md"), table);
        Files.writeString(out.resolve(stem + ".json"), json(results, sf, format, runs, heap));
        System.err.println("results written to " + out.resolve(stem + ".md") + " and .json");
    }

    /** The setup script (the views) and one file per query, in {@code directory}, for the runners to read. */
    private static Map<String, Path> writeQueries(Path directory, List<Integer> queries) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (int number : queries) {
            files.put(TpchQueries.name(number), Files.writeString(directory.resolve(TpchQueries.name(number) + ".sql"), TpchQueries.script(number)));
        }
        return files;
    }

    private static String table(List<EngineRun> results, List<Integer> queries, String sf, String format, int runs, String heap) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "TPC-H SF %s over %s, median of %d runs after a warm-up, seconds; local[2], heap %s, %d cores, Java %s%n%n",
                sf, format, runs, heap, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append("| query |");
        results.forEach(r -> out.append(' ').append(r.engine()).append(" |"));
        boolean ratio = results.size() == 2;
        if (ratio) {
            out.append(' ').append(results.get(0).engine()).append('/').append(results.get(1).engine()).append(" |");
        }
        out.append(" answers |\n|---|");
        results.forEach(r -> out.append("---:|"));
        out.append(ratio ? "---:|---|\n" : "---|\n");
        double[] logSums = new double[results.size()];
        int counted = 0;
        for (int number : queries) {
            String name = TpchQueries.name(number);
            out.append("| ").append(name).append(" |");
            List<EngineRun.Query> row = results.stream().map(r -> r.queries().get(name)).toList();
            boolean allAnswered = row.stream().allMatch(q -> q != null && q.answered());
            boolean agree = allAnswered && row.stream().map(EngineRun.Query::digest).distinct().count() == 1;
            for (EngineRun.Query query : row) {
                out.append(query == null || !query.answered() ? " failed |" : String.format(Locale.ROOT, " %.3f |", query.median()));
            }
            if (ratio) {
                out.append(allAnswered ? String.format(Locale.ROOT, " %.2f |", row.get(0).median() / row.get(1).median()) : " |");
            }
            out.append(agree ? " agree |" : allAnswered ? " DIFFER |" : " |").append('\n');
            if (agree) {
                counted++;
                for (int e = 0; e < row.size(); e++) {
                    logSums[e] += Math.log(row.get(e).median());
                }
            }
        }
        out.append("| geomean (").append(counted).append(" agreeing) |");
        for (double logSum : logSums) {
            out.append(counted == 0 ? " n/a |" : String.format(Locale.ROOT, " %.3f |", Math.exp(logSum / counted)));
        }
        if (ratio) {
            out.append(counted == 0 ? " n/a |" : String.format(Locale.ROOT, " %.2f |", Math.exp((logSums[0] - logSums[1]) / counted)));
        }
        out.append(" |\n\n");
        for (EngineRun result : results) {
            out.append(String.format(Locale.ROOT, "- %s: session start and views %.2f s, peak RSS %.2f GB%n",
                    result.engine(), result.startup(), result.peakRss() / 1e9));
        }
        return out.toString();
    }

    private static String json(List<EngineRun> results, String sf, String format, int runs, String heap) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "tpch");
        document.put("format", format);
        document.put("scaleFactor", Double.parseDouble(sf));
        document.put("runs", runs);
        document.put("heap", heap);
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("java", System.getProperty("java.version"));
        document.put("engines", results);
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }
}
