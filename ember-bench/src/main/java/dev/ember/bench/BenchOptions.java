package dev.ember.bench;

import dev.ember.bench.engine.EngineSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@code ./ember bench --suite NAME}, shared by every suite.
 *
 * @param scale the suite's scale factor ({@code --sf}): TPC-H's for {@code tpch} and {@code scan};
 *     each other suite says what scale 1 means
 * @param heaps every heap to run at ({@code --heaps 8g,2g}); empty means the suite's default
 * @param queries the queries to run, by name ({@code q06}) or TPC-H number ({@code 6}); empty means all
 * @param cluster {@code --cluster 2x1}: each engine on a standalone cluster of its own on loopback; {@code null} for local mode
 * @param executorMemory each executor's heap on a cluster ({@code --executor-memory}, the same for every engine)
 */
public record BenchOptions(String suite, double scale, String format, List<String> engines, int runs, List<String> heaps,
        List<String> queries, Path dataRoot, Path out, ClusterShape cluster, String executorMemory) {
    public static final String USAGE = """
            usage: ./ember bench --suite NAME [--sf 1] [--format csv|parquet] [--engines ember,spark,duckdb] [--runs 3]
                                 [--heap 8g | --heaps 8g,2g] [--queries 1,6] [--data DIR] [--out DIR]
                                 [--cluster 2x1 [--executor-memory 4g]]
            """;

    public BenchOptions {
        engines = List.copyOf(engines);
        heaps = List.copyOf(heaps);
        queries = List.copyOf(queries);
        for (String engine : engines) {
            if (!EngineSession.NAMES.contains(engine)) {
                throw new IllegalArgumentException("unknown engine " + engine + "; expected some of " + EngineSession.NAMES);
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (cluster != null && engines.contains("duckdb")) {
            throw new IllegalArgumentException("--cluster runs ember and spark only (DuckDB has no cluster)");
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("--sf must be positive");
        }
    }

    public static BenchOptions parse(String... args) {
        String suite = null;
        double scale = 1;
        String format = "parquet";
        List<String> engines = EngineSession.NAMES;
        int runs = 3;
        List<String> heaps = List.of();
        List<String> queries = List.of();
        Path dataRoot = Path.of(System.getProperty("user.home"), ".cache", "ember-bench");
        Path out = null;
        ClusterShape cluster = null;
        String executorMemory = "4g";
        for (int i = 0; i < args.length; i++) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            switch (args[i]) {
                case "--suite" -> suite = args[++i];
                case "--sf" -> scale = Double.parseDouble(args[++i]);
                case "--format" -> format = args[++i];
                case "--engines" -> engines = List.of(args[++i].split(","));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--heap", "--heaps" -> heaps = List.of(args[++i].split(","));
                case "--queries" -> queries = List.of(args[++i].split(","));
                case "--data" -> dataRoot = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--cluster" -> cluster = ClusterShape.parse(args[++i]);
                case "--executor-memory" -> executorMemory = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (suite == null) {
            throw new IllegalArgumentException("--suite is missing\n" + USAGE);
        }
        if (out == null) {
            out = BenchEnvironment.repositoryRoot().resolve("ember-bench/target/results");
        }
        if (cluster != null && engines == EngineSession.NAMES) {
            engines = List.of("ember", "spark");
        }
        return new BenchOptions(suite, scale, format, engines, runs, heaps, queries, dataRoot, out, cluster, executorMemory);
    }

    /** The scale as written in directory names and reports: {@code 1}, {@code 0.01}. */
    public String scaleName() {
        return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
    }

    /** Where a data set at this scale lives: {@code <data>/<dataset>/sf<scale>}. */
    public Path dataDirectory(String dataset) {
        return dataRoot.resolve(dataset).resolve("sf" + scaleName());
    }

    /** Whether {@code --queries} selects the query {@code name}. */
    public boolean selects(String name) {
        return queries.isEmpty() || queries.stream().anyMatch(q -> q.equals(name)
                || q.matches("\\d+") && name.equals(String.format(Locale.ROOT, "q%02d", Integer.parseInt(q))));
    }
}
