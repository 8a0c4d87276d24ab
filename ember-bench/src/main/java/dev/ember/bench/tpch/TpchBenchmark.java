package dev.ember.bench.tpch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ember.bench.BenchEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * TPC-H on Ember and Apache Spark side by side: the same generated files (CSV until the Parquet
 * writer exists), the same queries, each engine in its own JVM with the same heap and local[2].
 * Every query runs once to warm up and then {@code --runs} times; the table shows the median, the
 * Ember/Spark ratio and the geometric means, and a query whose answers differ between the engines
 * (by a digest of the ordered rows) is marked and left out of the means.
 *
 * <pre>
 * ./ember bench tpch --sf 1 [--engines ember,spark] [--runs 3] [--heap 8g] [--data DIR] [--queries 1,3,6] [--out DIR]
 * </pre>
 * Data goes to {@code ~/.cache/ember-bench/tpch/sf<SF>} unless {@code --data} says otherwise; results
 * (Markdown and JSON) to {@code --out}, by default {@code ember-bench/target/results}.
 */
public final class TpchBenchmark {
    /** What one engine's child process reported. */
    private record EngineResult(String engine, double startup, Map<String, Query> queries, long peakRss) {
    }

    private record Query(int rows, String digest, double[] seconds, String failure) {
        double median() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    private TpchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scaleFactor = 1;
        List<String> engines = List.of("ember", "spark");
        int runs = 3;
        String heap = "8g";
        Path data = null;
        Path out = BenchEnvironment.repositoryRoot().resolve("ember-bench/target/results");
        List<Integer> queries = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sf" -> scaleFactor = Double.parseDouble(args[++i]);
                case "--engines" -> engines = List.of(args[++i].split(","));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
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

        Files.createDirectories(out);
        List<EngineResult> results = new ArrayList<>();
        for (String engine : engines) {
            Path log = out.resolve("tpch-sf" + sf + "-" + engine + ".log");
            System.err.printf(Locale.ROOT, "%s: %d queries, 1 warm-up + %d runs each, heap %s (its log: %s)...%n",
                    engine, queries.size(), runs, heap, log);
            results.add(runEngine(engine, data, runs, heap, queries, log));
        }
        String table = table(results, queries, sf, runs, heap);
        System.out.print(table);
        String stem = "tpch-sf" + sf + "-" + Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        Files.writeString(out.resolve(stem + ".md"), table);
        Files.writeString(out.resolve(stem + ".json"), json(results, sf, runs, heap));
        System.err.println("results written to " + out.resolve(stem + ".md") + " and .json");
    }

    private static EngineResult runEngine(String engine, Path data, int runs, String heap, List<Integer> queries, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(BenchEnvironment.javaCommand(heap, TpchRunner.class));
        command.addAll(List.of("--engine", engine, "--data", data.toString(), "--runs", String.valueOf(runs)));
        for (int query : queries) {
            command.addAll(List.of("--query", String.valueOf(query)));
        }
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        double startup = Double.NaN;
        long peakRss = -1;
        Map<String, Query> answers = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ", 5);
                switch (parts[0]) {
                    case "startup" -> startup = Double.parseDouble(parts[1]);
                    case "peak-rss" -> peakRss = Long.parseLong(parts[1]);
                    case "query" -> {
                        double[] seconds = Arrays.stream(parts[4].split(",")).mapToDouble(Double::parseDouble).toArray();
                        answers.put(parts[1], new Query(Integer.parseInt(parts[2]), parts[3], seconds, null));
                        System.err.printf(Locale.ROOT, "  %s %s: %.3f s%n", engine, parts[1], answers.get(parts[1]).median());
                    }
                    case "failed" -> {
                        answers.put(parts[1], new Query(0, "", new double[0], line.substring(line.indexOf(parts[1]) + parts[1].length() + 1)));
                        System.err.println("  " + engine + " " + parts[1] + " failed: " + answers.get(parts[1]).failure());
                    }
                    default -> System.err.println("  " + engine + ": " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            System.err.println("  " + engine + " exited with " + exit + "; see " + log);
        }
        return new EngineResult(engine, startup, answers, peakRss);
    }

    private static String table(List<EngineResult> results, List<Integer> queries, String sf, int runs, String heap) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "TPC-H SF %s over CSV, median of %d runs after a warm-up, seconds; local[2], heap %s, %d cores, Java %s%n%n",
                sf, runs, heap, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
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
            List<Query> row = results.stream().map(r -> r.queries().get(name)).toList();
            boolean allAnswered = row.stream().allMatch(q -> q != null && q.failure() == null);
            boolean agree = allAnswered && row.stream().map(Query::digest).distinct().count() == 1;
            for (Query query : row) {
                out.append(query == null || query.failure() != null ? " failed |" : String.format(Locale.ROOT, " %.3f |", query.median()));
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
        for (EngineResult result : results) {
            out.append(String.format(Locale.ROOT, "- %s: session start and views %.2f s, peak RSS %.2f GB%n",
                    result.engine(), result.startup(), result.peakRss() / 1e9));
        }
        return out.toString();
    }

    private static String json(List<EngineResult> results, String sf, int runs, String heap) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "tpch");
        document.put("format", "csv");
        document.put("scaleFactor", Double.parseDouble(sf));
        document.put("runs", runs);
        document.put("heap", heap);
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("java", System.getProperty("java.version"));
        document.put("engines", results);
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }
}
