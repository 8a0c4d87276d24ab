package dev.ember.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./ember bench --suite NAME ...}: prepares the suite's data, runs each engine in its own JVM
 * ({@link QueryRunner}: same heap, 2 threads, one warm-up then {@code --runs} timed runs) at each
 * heap, and prints the {@link SuiteReport}, also written as Markdown and JSON to {@code --out}
 * ({@code ember-bench/target/results} by default). See {@link BenchOptions#USAGE} and {@link Suites}.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
            if (!options.suite().equals(StartupBenchmark.SUITE)) {
                Suites.named(options.suite());
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().contains("suites:") ? e.getMessage() : e.getMessage() + "\nsuites:\n" + Suites.describe());
            System.exit(2);
            return;
        }
        if (options.suite().equals(StartupBenchmark.SUITE)) {
            if (options.cluster() != null) {
                System.out.print(clusterStartup(options));
            } else {
                StartupBenchmark.main(new String[] {"--runs", String.valueOf(options.runs())});
            }
            return;
        }
        SuiteReport report = run(options);
        System.out.print(report.markdown());
    }

    /**
     * Runs one engine's child at one heap: in {@code local[2]}, or with {@code --cluster} on a standalone
     * cluster of the engine's own that lives as long as the child (its log beside the child's).
     */
    private static EngineRun runEngine(BenchOptions options, String engine, String heap, Path setup, Map<String, Path> queries,
            Map<String, String> programs, Path log) throws Exception {
        if (options.cluster() == null) {
            return EngineRun.start(engine, heap, setup, queries, programs, options.runs(), log, "local[2]", Map.of());
        }
        Path clusterLog = log.resolveSibling(log.getFileName().toString().replace(".log", "-cluster.log"));
        try (BenchCluster cluster = BenchCluster.start(engine, options.cluster(), options.executorMemory(), clusterLog)) {
            System.err.println("  " + cluster + " (its log: " + clusterLog + ")");
            return EngineRun.start(engine, heap, setup, queries, programs, options.runs(), log, cluster.masterUrl(), cluster.driverSettings());
        }
    }

    /**
     * {@code --suite startup --cluster 2x1}: job start-up on a loopback cluster, each engine's driver
     * started {@code --runs} times against the same cluster (each one a new application, whose
     * executors start anew): seconds from the session's creation to its first task on an executor.
     */
    static String clusterStartup(BenchOptions options) throws Exception {
        Path out = Files.createDirectories(options.out());
        Path setup = Files.writeString(out.resolve("startup-setup.sql"), "");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "Job start-up on a loopback cluster %s (executors of %s): seconds from session creation to the first task on an executor%n%n"
                        + "| engine | runs | min | median | max | session, first job and setup (median) |%n|---|---:|---:|---:|---:|---:|%n",
                options.cluster(), options.executorMemory()));
        for (String engine : options.engines()) {
            Path log = out.resolve("startup-cluster-" + engine + ".log");
            double[] firstTask = new double[options.runs()];
            double[] session = new double[options.runs()];
            try (BenchCluster cluster = BenchCluster.start(engine, options.cluster(), options.executorMemory(),
                    out.resolve("startup-cluster-" + engine + "-cluster.log"))) {
                // One unmeasured application first: the page cache then holds the class path, as for every later one. Ember's
                // drivers start as the ember launcher starts them, from a class-data archive: this first one writes it.
                DriverArchive archive = engine.equals("ember") ? DriverArchive.in(out) : DriverArchive.NONE;
                EngineRun.start(engine, archive.trainingCommand("1g"), "1g", setup, Map.of(), Map.of(), 1, log, cluster.masterUrl(),
                        cluster.driverSettings());
                for (int run = 0; run < options.runs(); run++) {
                    EngineRun measured = EngineRun.start(engine, archive.command("1g"), "1g", setup, Map.of(), Map.of(), 1, log,
                            cluster.masterUrl(), cluster.driverSettings());
                    firstTask[run] = measured.firstTask();
                    session[run] = measured.startup();
                    System.err.printf(Locale.ROOT, "  %s: first task after %.3f s%n", engine, firstTask[run]);
                }
            }
            java.util.Arrays.sort(firstTask);
            java.util.Arrays.sort(session);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", engine, firstTask.length, firstTask[0],
                    firstTask[firstTask.length / 2], firstTask[firstTask.length - 1], session[session.length / 2]));
        }
        return table.toString();
    }

    /** Runs one suite as {@code options} say and writes its results files; returns the report. */
    public static SuiteReport run(BenchOptions options) throws Exception {
        Suite suite = Suites.named(options.suite());
        Workload workload = suite.prepare(options);
        List<String> heaps = options.heaps().isEmpty() ? suite.defaultHeaps() : options.heaps();
        Path out = Files.createDirectories(options.out());
        String stem = options.suite() + "-sf" + options.scaleName();
        Map<Dialect, Path> setup = new LinkedHashMap<>();
        Map<Dialect, Map<String, Path>> queryFiles = new LinkedHashMap<>();
        for (Dialect dialect : Dialect.values()) {
            Path scripts = Files.createDirectories(out.resolve(stem + "-sql").resolve(dialect.name().toLowerCase(Locale.ROOT)));
            setup.put(dialect, Files.writeString(scripts.resolve("setup.sql"), workload.setup().getOrDefault(dialect, "")));
            Map<String, Path> files = new LinkedHashMap<>();
            for (BenchQuery query : workload.queries()) {
                if (query.sql().containsKey(dialect)) {
                    files.put(query.name(), Files.writeString(scripts.resolve(query.name() + ".sql"), query.sql().get(dialect)));
                }
            }
            queryFiles.put(dialect, files);
        }

        List<EngineRun> results = new ArrayList<>();
        for (String heap : heaps) {
            for (String engine : options.engines()) {
                Map<String, Path> queries = new LinkedHashMap<>();
                Map<String, String> programs = new LinkedHashMap<>();
                for (BenchQuery query : workload.queries()) {
                    if (query.runsOn(engine)) {
                        if (query.program() != null) {
                            programs.put(query.name(), query.program().getName() + ":" + query.input());
                        } else {
                            queries.put(query.name(), queryFiles.get(Dialect.of(engine)).get(query.name()));
                        }
                    }
                }
                if (queries.isEmpty() && programs.isEmpty()) {
                    continue; // DuckDB for a suite of programs only: nothing to start it for
                }
                Path log = out.resolve(stem + "-" + engine + "-" + heap + ".log");
                System.err.printf(Locale.ROOT, "%s, heap %s: %d queries, 1 warm-up + %d runs each (its log: %s)...%n",
                        engine, heap, queries.size() + programs.size(), options.runs(), log);
                results.add(runEngine(options, engine, heap, setup.get(Dialect.of(engine)), queries, programs, log));
            }
        }
        SuiteReport report = new SuiteReport(options, workload, heaps, results, suite.notes(workload, results));
        String timestamped = stem + "-" + Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        Files.writeString(out.resolve(timestamped + ".md"), report.markdown());
        Files.writeString(out.resolve(timestamped + ".json"), report.json());
        System.err.println("results written to " + out.resolve(timestamped + ".md") + " and .json");
        return report;
    }
}
