package dev.ember.bench;

import dev.ember.config.EmberConf;
import dev.ember.config.JvmOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one engine's {@link QueryRunner} child reported: its start-up (session and setup; to its first
 * task, NaN where there are no tasks), each query's answer digest and times (or failure), and its peak resident memory.
 */
public record EngineRun(String engine, String heap, double startup, double firstTask, Map<String, Query> queries, long peakRss) {
    /** One query's rows, digest and timed runs, or why it failed. */
    public record Query(int rows, String digest, double[] seconds, String failure) {
        public double median() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        public boolean answered() {
            return failure == null;
        }

        /** (slowest - fastest) / median: how far apart the timed runs were. */
        public double spread() {
            return (Arrays.stream(seconds).max().orElse(0) - Arrays.stream(seconds).min().orElse(0)) / median();
        }
    }

    /** ", " and the first exception or error line of the child's log, or "" when there is none. */
    private static String firstError(Path log) throws IOException {
        try (var lines = java.nio.file.Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.matches(".*(Exception|Error)\\b.*")).findFirst()
                    .map(line -> ", " + (line.length() > 200 ? line.substring(0, 200) + "..." : line)).orElse("");
        } catch (java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static List<String> concat(java.util.Collection<String> first, java.util.Collection<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Runs {@code engine} in a child JVM with {@code heap}: the setup script, then each query (SQL
     * files by name) and program ({@code CLASS:INPUT} by name; DataFrames or RDDs) once to warm up and
     * {@code runs} times; its standard error goes to {@code log}. The session runs on {@code master}
     * ({@code local[2]}, or a cluster's URL) with {@code settings}.
     */
    public static EngineRun start(String engine, String heap, Path setup, Map<String, Path> queries, Map<String, String> programs,
            int runs, Path log, String master, Map<String, String> settings) throws IOException, InterruptedException {
        return start(engine, BenchEnvironment.javaCommand(heap, QueryRunner.class), heap, setup, queries, programs, runs, log, master, settings);
    }

    /** {@link #start} with the child's java command given, up to and including its main class ({@link QueryRunner}). */
    static EngineRun start(String engine, List<String> java, String heap, Path setup, Map<String, Path> queries, Map<String, String> programs,
            int runs, Path log, String master, Map<String, String> settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java);
        if (engine.equals("ember")) {
            // As the ember launcher and workers start Ember's JVMs; Spark's start as spark-submit starts them, with G1's own sizing.
            command.add(1, JvmOptions.youngGeneration(EmberConf.parseBytes(heap)));
        }
        command.addAll(List.of("--engine", engine, "--setup", setup.toString(), "--runs", String.valueOf(runs), "--master", master));
        settings.forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        queries.forEach((name, file) -> command.addAll(List.of("--query", name + "=" + file)));
        programs.forEach((name, program) -> command.addAll(List.of("--program", name + "=" + program)));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        double startup = Double.NaN;
        double firstTask = Double.NaN;
        long peakRss = -1;
        Map<String, Query> answers = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ", 5);
                switch (parts[0]) {
                    case "startup" -> startup = Double.parseDouble(parts[1]);
                    case "first-task" -> firstTask = Double.parseDouble(parts[1]);
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
        // A child that died (start-up refused, heap exhausted beyond recovery) fails what it did not answer.
        String death = "no answer: the engine's JVM exited with " + exit + firstError(log) + " (see " + log.getFileName() + ")";
        for (String name : concat(queries.keySet(), programs.keySet())) {
            answers.putIfAbsent(name, new Query(0, "", new double[0], death));
        }
        return new EngineRun(engine, heap, startup, firstTask, answers, peakRss);
    }
}
