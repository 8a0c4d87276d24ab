package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.WriteFilesExec;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
        EmberSession session = frame.sparkSession();
        Map<String, String> settings = session.fileSystemSettings();
        Location destination = Location.of(path);
        FileSystem fileSystem = FileSystems.of(destination, settings);
        String jobId = UUID.randomUUID().toString();
        Location staging = destination.parent().resolve("." + destination.fileName() + ".ember-staging-" + jobId);
        try {
            boolean exists = fileSystem.exists(destination);
            if (exists) {
                switch (mode) {
                    case "ignore" -> {
                        return;
                    }
                    case "error", "errorifexists" -> throw EmberException.of(ErrorClass.PATH_ALREADY_EXISTS, "path", destination);
                    default -> {
                    }
                }
            }
            session.run(new WriteFilesExec(format, staging, jobId, options, settings, session.physicalPlan(frame.logicalPlan())));
            commit(fileSystem, staging, destination, exists);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Writing", "path", destination, "detail", String.valueOf(e.getMessage()))
                    .withCause(e);
        } finally {
            try {
                fileSystem.deleteRecursively(staging);
            } catch (IOException e) {
                // Best effort: a leftover staging directory is hidden (dot-prefixed) and never read as data.
            }
        }
    }

    /**
     * Moves the staged files into the destination: replacing it (overwrite), adding to it
     * (append), or creating it; then marks it complete with {@code _SUCCESS}.
     */
    private void commit(FileSystem fileSystem, Location staging, Location destination, boolean exists) throws IOException {
        if (exists && mode.equals("overwrite") && fileSystem.renamesAtomically()) {
            Location old = destination.parent().resolve("." + destination.fileName() + ".ember-replaced-" + UUID.randomUUID());
            fileSystem.rename(destination, old);
            fileSystem.rename(staging, destination);
            fileSystem.deleteRecursively(old);
        } else if (exists && mode.equals("overwrite")) {
            // An object store copies every object to rename: moving the old data aside would copy it
            // all. It is deleted instead, once the job has succeeded; until the staged files are
            // copied in, a reader sees the destination missing or partly written (as with s3a's
            // committers), and a failure in between loses the old data without the new.
            fileSystem.deleteRecursively(destination);
            fileSystem.rename(staging, destination);
        } else if (exists) {
            for (FileEntry file : fileSystem.listFiles(staging)) {
                fileSystem.rename(file.location(), destination.resolve(file.location().fileName()));
            }
        } else {
            fileSystem.rename(staging, destination);
        }
        Location success = destination.resolve("_SUCCESS");
        fileSystem.deleteRecursively(success);
        fileSystem.create(success).close();
    }
}
