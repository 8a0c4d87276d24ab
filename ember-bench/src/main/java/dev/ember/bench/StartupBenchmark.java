package dev.ember.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Start-up: wall-clock seconds from launching a fresh process to its first result, for
 * {@code ./ember sql -e "SELECT 1" --output csv} and for the same query on Apache Spark (a local[2]
 * session without UI, {@link SparkSelectOne}, in its own JVM with Spark's module flags). Each
 * command runs once to warm up (which also builds Ember's distribution and its class-data archive
 * if needed), then {@code --runs} times (10 by default). The "JVM floor" row, {@code ./ember --version}, is the
 * launcher plus a JVM that loads the CLI and exits: what start-up costs before any engine work.
 *
 * <p>Run as {@code ./ember bench --suite startup [--runs 10]}, or directly:
 *
 * <pre>
 * ./mvnw -q -pl ember-bench -am package -Dmaven.test.skip=true &amp;&amp; java -cp ember-bench/target/classes dev.ember.bench.StartupBenchmark
 * </pre>
 *
 * Options: {@code --runs N}; {@code --only ember|spark|floor} (repeatable). This class needs only
 * the JDK: the Spark class path comes from {@code runtime.classpath}, which the build writes next
 * to it.
 */
public final class StartupBenchmark {
    /** Its name as a suite: {@code ./ember bench --suite startup}. */
    public static final String SUITE = "startup";
    private static final String QUERY = "SELECT 1";

    private StartupBenchmark() {
    }

    /** One command under test: what to run, and the stdout line that shows it answered. */
    private record Subject(String name, List<String> command, String expectedLine) {
    }

    /** Seconds to the expected line and to the process exit, for each run. */
    private record Timings(Subject subject, double[] toResult, double[] toExit) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: StartupBenchmark [--runs N] [--only ember|spark|floor]...");
            }
        }

        Path root = BenchEnvironment.repositoryRoot();
        Path ember = root.resolve("ember");
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject("ember", List.of(ember.toString(), "sql", "-e", QUERY, "--output", "csv"), "1"));
        subjects.add(new Subject("floor", List.of(ember.toString(), "--version"), null));
        List<String> spark = BenchEnvironment.javaCommand("1g", SparkSelectOne.class);
        subjects.add(new Subject("spark", spark, "1"));

        List<Timings> results = new ArrayList<>();
        for (Subject subject : subjects) {
            if (!only.isEmpty() && !only.contains(subject.name())) {
                continue;
            }
            System.err.printf(Locale.ROOT, "%s: warm-up, then %d runs...%n", subject.name(), runs);
            measure(subject, root, true);
            double[] toResult = new double[runs];
            double[] toExit = new double[runs];
            for (int run = 0; run < runs; run++) {
                double[] times = measure(subject, root, false);
                toResult[run] = times[0];
                toExit[run] = times[1];
            }
            results.add(new Timings(subject, toResult, toExit));
        }

        System.out.printf(Locale.ROOT, "Start-up, seconds from process start to the first result of %s (Spark %s, %d cores)%n",
                QUERY, BenchEnvironment.sparkVersion(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-28s %5s %8s %8s %8s %14s%n", "engine", "runs", "min", "median", "max", "median exit");
        for (Timings timings : results) {
            double[] sorted = timings.toResult().clone();
            Arrays.sort(sorted);
            double[] exits = timings.toExit().clone();
            Arrays.sort(exits);
            System.out.printf(Locale.ROOT, "%-28s %5d %8.3f %8.3f %8.3f %14.3f%n", label(timings.subject().name()),
                    sorted.length, sorted[0], median(sorted), sorted[sorted.length - 1], median(exits));
        }
    }

    private static String label(String name) {
        return switch (name) {
            case "ember" -> "ember (./ember sql)";
            case "floor" -> "ember JVM floor (--version)";
            default -> "spark (local[2])";
        };
    }

    /**
     * Runs the subject once: returns seconds to its expected stdout line (to its exit when it
     * expects none) and seconds to its exit. Fails on a non-zero exit or a missing line.
     */
    private static double[] measure(Subject subject, Path root, boolean warmUp) throws IOException, InterruptedException {
        File errors = File.createTempFile("startup-" + subject.name(), ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(subject.command())
                    .directory(root.toFile())
                    .redirectError(errors);
            if (!warmUp) {
                // The warm-up built the distribution if the sources needed it; the timed runs skip the
                // launcher's source check (about 10 ms) so that an edit made meanwhile cannot put a
                // build into a timing.
                builder.environment().put("EMBER_SKIP_BUILD", "1");
            }
            long start = System.nanoTime();
            Process process = builder.start();
            long firstResult = -1;
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (firstResult < 0 && line.equals(subject.expectedLine())) {
                        firstResult = System.nanoTime();
                    }
                    lines.add(line);
                }
            }
            int exitCode = process.waitFor();
            long end = System.nanoTime();
            if (exitCode != 0 || (subject.expectedLine() != null && firstResult < 0)) {
                throw new IllegalStateException(subject.name() + " failed (exit code " + exitCode + "), stdout: " + lines
                        + "\nstderr:\n" + Files.readString(errors.toPath(), StandardCharsets.UTF_8));
            }
            long result = firstResult < 0 ? end : firstResult;
            return new double[] {(result - start) / 1e9, (end - start) / 1e9};
        } finally {
            Files.deleteIfExists(errors.toPath());
        }
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
