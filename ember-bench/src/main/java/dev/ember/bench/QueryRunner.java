package dev.ember.bench;

import dev.ember.bench.engine.Program;
import dev.ember.bench.engine.EngineSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One engine's side of a benchmark, in a JVM of its own: starts a session ({@link EngineSession}),
 * runs the setup script's statements (views, data conversions), runs each query or program (DataFrames, RDDs)
 * once to warm up and then {@code runs} times, and prints one line per fact on stdout for the parent
 * ({@link EngineRun}) to read:
 * <pre>
 * first-task SECONDS
 * startup SECONDS
 * query NAME ROWS DIGEST SECONDS,SECONDS,...
 * query-cpu NAME SECONDS,SECONDS,...
 * failed q02 MESSAGE
 * peak-rss BYTES
 * </pre>
 * The digest covers the rows in order, with values written the same way whichever engine produced
 * them, so that engines can be checked to agree before their times are compared. {@code query-cpu}
 * is the process's CPU time of each run (all threads, the JIT and collector included), which tells
 * more than elapsed time on a machine shared with other work.
 *
 * <pre>
 * QueryRunner --engine ember|spark|duckdb --setup SCRIPT.sql [--runs N] [--query NAME=FILE.sql ...] [--program NAME=CLASS:INPUT ...]
 *             [--master URL] [--conf KEY=VALUE ...]
 * </pre>
 * {@code first-task} is job start-up: from the start of the session's creation to the moment its
 * first task (a job of one task, before anything else) starts on an executor, by the executor's clock.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    public static void main(String[] args) throws Exception {
        String engineName = null;
        Path setup = null;
        int runs = 3;
        Map<String, String> queries = new LinkedHashMap<>();
        Map<String, String> programs = new LinkedHashMap<>();
        String master = "local[2]";
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engineName = args[++i];
                case "--setup" -> setup = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--query" -> {
                    String[] nameAndFile = args[++i].split("=", 2);
                    queries.put(nameAndFile[0], nameAndFile[1]);
                }
                case "--program" -> {
                    String[] nameAndProgram = args[++i].split("=", 2);
                    programs.put(nameAndProgram[0], nameAndProgram[1]);
                }
                case "--master" -> master = args[++i];
                case "--conf" -> {
                    String[] keyAndValue = args[++i].split("=", 2);
                    settings.put(keyAndValue[0], keyAndValue[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        try (EngineSession engine = EngineSession.open(engineName, master, settings)) {
            long firstTask = engine.firstTaskMillis();
            if (firstTask >= 0) {
                System.out.printf(Locale.ROOT, "first-task %.3f%n", (firstTask - startMillis) / 1e3);
            }
            for (String statement : SqlScripts.statements(Files.readString(setup))) {
                engine.execute(statement);
            }
            System.out.printf(Locale.ROOT, "startup %.3f%n", (System.nanoTime() - start) / 1e9);
            for (Map.Entry<String, String> query : queries.entrySet()) {
                String text = SqlScripts.statements(Files.readString(Path.of(query.getValue()))).get(0);
                run(query.getKey(), () -> engine.rows(text), runs);
            }
            for (Map.Entry<String, String> program : programs.entrySet()) {
                String[] classAndInput = program.getValue().split(":", 2);
                Program named = Program.named(classAndInput[0]);
                run(program.getKey(), () -> engine.rows(named, classAndInput[1]), runs);
            }
        }
        System.out.println("peak-rss " + peakResidentBytes());
    }

    private static void run(String name, Supplier<List<List<Object>>> query, int runs) {
        try {
            List<List<Object>> rows = query.get();
            List<String> seconds = new ArrayList<>();
            List<String> cpuSeconds = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                query.get();
                seconds.add(String.format(Locale.ROOT, "%.4f", (System.nanoTime() - start) / 1e9));
                cpuSeconds.add(String.format(Locale.ROOT, "%.4f", (processCpuNanos() - cpuStart) / 1e9));
            }
            System.out.println("query " + name + " " + rows.size() + " " + digest(rows) + " " + String.join(",", seconds));
            System.out.println("query-cpu " + name + " " + String.join(",", cpuSeconds));
        } catch (RuntimeException | OutOfMemoryError e) {
            // A query that fails (even for memory) is reported, and the next one still runs.
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.out.println("failed " + name + " " + e.getClass().getSimpleName() + ": " + message);
        }
        System.out.flush();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** SHA-256 (first 12 hex digits) of the rows in order, each value {@linkplain #normalize normalized}. */
    static String digest(List<List<Object>> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (List<Object> row : rows) {
                StringBuilder line = new StringBuilder();
                for (Object value : row) {
                    line.append(normalize(value)).append('|');
                }
                sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A value as text that does not depend on the engine's Java types: every finite number (int,
     * long, DuckDB's HUGEINT as BigInteger, decimal, double) rounded half-up to two decimals, so that
     * an average that one engine keeps as a decimal and another as a double reads the same; timestamps
     * as ISO local date-times; everything else (strings, dates, null) as its {@code toString}.
     */
    static String normalize(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP).toPlainString() : value.toString();
        }
        if (value instanceof Number number) {
            BigDecimal exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            return exact.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toString();
        }
        return String.valueOf(value);
    }

    /** The high-water mark of this process's resident memory (Linux), or -1 where unknown. */
    private static long peakResidentBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
