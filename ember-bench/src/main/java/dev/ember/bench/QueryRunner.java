package dev.ember.bench;

import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.spark.sql.SparkSession;

/**
 * One engine's side of a benchmark, in a JVM of its own: starts a local[2] session, runs the setup
 * script's statements (views, data conversions), runs each query once to warm up and then
 * {@code runs} times, and prints one line per fact on stdout for the parent ({@link EngineRun}) to read:
 * <pre>
 * startup SECONDS
 * query NAME ROWS DIGEST SECONDS,SECONDS,...
 * failed q02 MESSAGE
 * peak-rss BYTES
 * </pre>
 * The digest covers the rows in order, numbers rounded to two decimals, so that engines can be
 * checked to agree before their times are compared.
 *
 * <pre>
 * QueryRunner --engine ember|spark --setup SCRIPT.sql [--runs N] [--query NAME=FILE.sql ...]
 * </pre>
 */
public final class QueryRunner {
    /** The part of an engine the runner needs: run a query, returning its rows as lists of values. */
    private interface Engine extends AutoCloseable {
        void execute(String statement);

        List<List<Object>> rows(String query);

        @Override
        void close();
    }

    private QueryRunner() {
    }

    public static void main(String[] args) throws Exception {
        String engineName = null;
        Path setup = null;
        int runs = 3;
        Map<String, Path> queries = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engineName = args[++i];
                case "--setup" -> setup = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--query" -> {
                    String[] nameAndFile = args[++i].split("=", 2);
                    queries.put(nameAndFile[0], Path.of(nameAndFile[1]));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long start = System.nanoTime();
        try (Engine engine = open(engineName)) {
            for (String statement : SqlScripts.statements(Files.readString(setup))) {
                engine.execute(statement);
            }
            System.out.printf(Locale.ROOT, "startup %.3f%n", (System.nanoTime() - start) / 1e9);
            for (Map.Entry<String, Path> query : queries.entrySet()) {
                run(engine, query.getKey(), SqlScripts.statements(Files.readString(query.getValue())).get(0), runs);
            }
        }
        System.out.println("peak-rss " + peakResidentBytes());
    }

    private static void run(Engine engine, String name, String query, int runs) {
        try {
            List<List<Object>> rows = engine.rows(query);
            List<String> seconds = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                engine.rows(query);
                seconds.add(String.format(Locale.ROOT, "%.4f", (System.nanoTime() - start) / 1e9));
            }
            System.out.println("query " + name + " " + rows.size() + " " + digest(rows) + " " + String.join(",", seconds));
        } catch (RuntimeException | OutOfMemoryError e) {
            // A query that fails (even for memory) is reported, and the next one still runs.
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.out.println("failed " + name + " " + e.getClass().getSimpleName() + ": " + message);
        }
        System.out.flush();
    }

    private static Engine open(String name) {
        return switch (name) {
            case "ember" -> {
                EmberSession ember = EmberSession.builder().appName("bench").master("local[2]").getOrCreate();
                yield new Engine() {
                    @Override
                    public void execute(String statement) {
                        ember.sql(statement);
                    }

                    @Override
                    public List<List<Object>> rows(String query) {
                        return ember.sql(query).collectAsList().stream().map(row -> values(row.length(), row::get)).toList();
                    }

                    @Override
                    public void close() {
                        ember.stop();
                    }
                };
            }
            case "spark" -> {
                SparkSession spark = SparkSession.builder().appName("bench").master("local[2]")
                        .config("spark.ui.enabled", "false").getOrCreate();
                yield new Engine() {
                    @Override
                    public void execute(String statement) {
                        spark.sql(statement);
                    }

                    @Override
                    public List<List<Object>> rows(String query) {
                        return spark.sql(query).collectAsList().stream().map(row -> values(row.length(), row::get)).toList();
                    }

                    @Override
                    public void close() {
                        spark.stop();
                    }
                };
            }
            default -> throw new IllegalArgumentException("unknown engine " + name + "; expected ember or spark");
        };
    }

    private static List<Object> values(int length, IntFunction<Object> get) {
        List<Object> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(get.apply(i));
        }
        return values;
    }

    /** SHA-256 (first 12 hex digits) of the rows in order, numbers rounded half-up to two decimals. */
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

    private static String normalize(Object value) {
        if (value instanceof Number number) {
            BigDecimal exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            return exact.setScale(2, RoundingMode.HALF_UP).toPlainString();
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
