package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.WriteFilesExec;
import dev.ember.fs.FileCommit;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import dev.ember.expr.AttributeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a DataFrame to files, as Spark's {@code DataFrameWriter}, through a commit protocol: tasks
 * write into a staging directory beside the destination; only when every task succeeded does the
 * job move the files into place and write {@code _SUCCESS}. A failed job removes its staging
 * directory and leaves the destination as it was. With {@link #partitionBy} the files go to
 * Hive-style {@code col=value/} directories; overwriting replaces the whole destination, or with
 * {@code partitionOverwriteMode=dynamic} only the partitions written.
 */
public final class DataFrameWriter {
    private final DataFrame frame;
    private final Map<String, String> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String format = "parquet";
    private String mode = "errorifexists";
    private List<String> partitionColumns = List.of();

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

    public DataFrameWriter options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    public DataFrameWriter option(String key, boolean value) {
        return option(key, String.valueOf(value));
    }

    /** Writes one directory per value of these columns ({@code year=2024/month=1/}), without them in the files. */
    public DataFrameWriter partitionBy(String... columns) {
        this.partitionColumns = List.of(columns);
        return this;
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
        Location staging = FileCommit.stagingDirectory(destination, jobId);
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
            int[] partitionPositions = partitionPositions();
            session.run(new WriteFilesExec(format, staging, jobId, options, settings, partitionPositions, session.conf().sessionTimeZone(),
                    session.physicalPlan(frame.logicalPlan())));
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
        boolean overwrite = mode.equals("overwrite");
        if (exists && overwrite && dynamicPartitionOverwrite()) {
            // Only the partitions this job wrote are replaced; the others stay.
            Set<String> written = new LinkedHashSet<>();
            List<FileEntry> staged = stagedFiles(fileSystem, staging);
            staged.forEach(file -> written.add(parentPath(staging.relativize(file.location()))));
            for (String partition : written) {
                fileSystem.deleteRecursively(partition.isEmpty() ? destination.resolve("_SUCCESS") : destination.resolve(partition));
            }
            moveFiles(fileSystem, staging, staged, destination);
        } else if (exists && overwrite && fileSystem.renamesAtomically()) {
            Location old = destination.parent().resolve("." + destination.fileName() + ".ember-replaced-" + UUID.randomUUID());
            fileSystem.rename(destination, old);
            fileSystem.rename(staging, destination);
            fileSystem.deleteRecursively(old);
        } else if (exists && overwrite) {
            // An object store copies every object to rename: moving the old data aside would copy it
            // all. It is deleted instead, once the job has succeeded; until the staged files are
            // copied in, a reader sees the destination missing or partly written (as with s3a's
            // committers), and a failure in between loses the old data without the new.
            fileSystem.deleteRecursively(destination);
            fileSystem.rename(staging, destination);
        } else if (exists) {
            moveFiles(fileSystem, staging, stagedFiles(fileSystem, staging), destination);
        } else {
            fileSystem.rename(staging, destination);
        }
        FileCommit.markSuccess(fileSystem, destination);
    }

    /** The files a job staged; none when no task wrote one (an object store has no empty directory). */
    private static List<FileEntry> stagedFiles(FileSystem fileSystem, Location staging) throws IOException {
        return fileSystem.exists(staging) ? fileSystem.listFiles(staging) : List.of();
    }

    /** Moves staged files to the same relative paths under the destination (partition directories included). */
    private static void moveFiles(FileSystem fileSystem, Location staging, List<FileEntry> staged, Location destination) throws IOException {
        for (FileEntry file : staged) {
            fileSystem.rename(file.location(), destination.resolve(staging.relativize(file.location())));
        }
    }

    private static String parentPath(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    private boolean dynamicPartitionOverwrite() {
        String setting = options.getOrDefault("partitionOverwriteMode",
                frame.sparkSession().conf().get("ember.sql.sources.partitionOverwriteMode", "static"));
        return !partitionColumns.isEmpty() && setting.trim().equalsIgnoreCase("dynamic");
    }

    /** The positions of the partition columns in the frame's output, checked as Spark checks them. */
    private int[] partitionPositions() {
        List<AttributeReference> output = frame.logicalPlan().output();
        List<Integer> positions = new ArrayList<>();
        for (String column : partitionColumns) {
            int found = -1;
            for (int i = 0; i < output.size() && found < 0; i++) {
                if (output.get(i).name().equalsIgnoreCase(column)) {
                    found = i;
                }
            }
            if (found < 0) {
                throw EmberException.of(ErrorClass.PARTITION_COLUMN_NOT_FOUND_IN_SCHEMA, "column", "`" + column + "`",
                        "schema", frame.schema().simpleString());
            }
            positions.add(found);
        }
        if (!output.isEmpty() && positions.size() == output.size()) {
            throw EmberException.of(ErrorClass.ALL_PARTITION_COLUMNS_NOT_ALLOWED);
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }
}
