package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.WriteFilesExec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a DataFrame to files, as Spark's {@code DataFrameWriter}, through a commit protocol: tasks
 * write into a staging directory beside the destination; only when every task succeeded does the
 * job move the files into place and write {@code _SUCCESS}. A failed job removes its staging
 * directory and leaves the destination as it was.
 */
public final class DataFrameWriter {
    private final DataFrame frame;
    private final Map<String, String> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String format = "parquet";
    private String mode = "errorifexists";

    DataFrameWriter(DataFrame frame) {
        this.frame = frame;
    }

    public DataFrameWriter format(String name) {
        this.format = name;
        return this;
    }

    /** {@code error}/{@code errorifexists} (default), {@code overwrite}, {@code append}, {@code ignore}. */
    public DataFrameWriter mode(String saveMode) {
        String normalized = saveMode.toLowerCase(Locale.ROOT);
        if (!normalized.matches("error|errorifexists|overwrite|append|ignore")) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`mode`", "function", "`write`",
                    "detail", "unknown save mode '" + saveMode + "'; accepted: 'overwrite', 'append', 'ignore', 'error', 'errorifexists'");
        }
        this.mode = normalized;
        return this;
    }

    public DataFrameWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameWriter option(String key, boolean value) {
        return option(key, String.valueOf(value));
    }

    public void csv(String path) {
        format("csv").save(path);
    }

    public void text(String path) {
        format("text").save(path);
    }

    public void json(String path) {
        format("json").save(path);
    }

    public void parquet(String path) {
        format("parquet").save(path);
    }

    public void save(String path) {
        Path destination = Path.of(path).toAbsolutePath();
        boolean exists = Files.exists(destination);
        if (exists) {
            switch (mode) {
                case "ignore" -> {
                    return;
                }
                case "error", "errorifexists" -> throw EmberException.of(ErrorClass.PATH_ALREADY_EXISTS, "path", "file:" + destination);
                default -> {
                }
            }
        }
        String jobId = UUID.randomUUID().toString();
        Path staging = destination.resolveSibling("." + destination.getFileName() + ".ember-staging-" + jobId);
        try {
            Files.createDirectories(staging);
            EmberSession session = frame.sparkSession();
            session.run(new WriteFilesExec(format, staging.toString(), jobId, options, session.physicalPlan(frame.logicalPlan())));
            commit(staging, destination, exists);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Writing", "path", destination, "detail", String.valueOf(e.getMessage()))
                    .withCause(e);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Moves the staged files into the destination: replacing it (overwrite), adding to it (append), or creating it. */
    private void commit(Path staging, Path destination, boolean exists) throws IOException {
        if (exists && mode.equals("overwrite")) {
            Path old = destination.resolveSibling("." + destination.getFileName() + ".ember-replaced-" + UUID.randomUUID());
            Files.move(destination, old);
            Files.move(staging, destination);
            deleteRecursively(old);
        } else if (exists) {
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Files.move(file, destination.resolve(file.getFileName()));
                }
            }
        } else {
            Files.createDirectories(destination.getParent());
            Files.move(staging, destination);
        }
        Files.deleteIfExists(destination.resolve("_SUCCESS"));
        Files.createFile(destination.resolve("_SUCCESS"));
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover staging directory is hidden (dot-prefixed) and never read as data.
        }
    }
}
