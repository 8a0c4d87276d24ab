package dev.ember.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 22 TPC-H queries as Spark SQL ({@code qNN.sql}) and the views over the generated files
 * ({@code tables.sql}), kept as resources next to this class so that the benchmark and the
 * conformance suite run the same text.
 */
public final class TpchQueries {
    public static final int COUNT = 22;

    private TpchQueries() {
    }

    /** {@code q01} ... {@code q22}. */
    public static String name(int number) {
        return String.format("q%02d", number);
    }

    /** The query text, without its trailing semicolon. */
    public static String query(int number) {
        String text = resource(name(number) + ".sql").strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /** The file's text as it is: a comment line, the query, a semicolon. */
    public static String script(int number) {
        return resource(name(number) + ".sql");
    }

    /** The {@code CREATE TEMPORARY VIEW} statements over the files in {@code directory}, as one script. */
    public static String tables(Path directory) {
        return resource("tables.sql").replace("${tpch}", directory.toString());
    }

    /** The statements of {@link #tables}, one by one (for engines that take one statement at a time). */
    public static List<String> tableStatements(Path directory) {
        List<String> statements = new ArrayList<>();
        for (String part : tables(directory).split(";")) {
            String statement = part.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private static String resource(String name) {
        try (InputStream in = TpchQueries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + TpchQueries.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
