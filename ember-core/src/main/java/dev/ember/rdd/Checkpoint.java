package dev.ember.rdd;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.FileCommit;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import dev.ember.storage.ElementStreams;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * An RDD's partitions saved as files of serialized elements ({@link ElementStreams}), one per
 * partition ({@code part-00000}, ...), written through {@code dev.ember.fs} so that any filesystem
 * works: a checkpoint, or the output of {@code saveAsObjectFile}. Written by a job into a staging
 * directory, moved into place and marked {@code _SUCCESS} only when every task succeeded.
 */
record Checkpoint(Location directory, int partitions, Map<String, String> fileSystemSettings) implements Serializable {

    static String partFileName(int partition) {
        return String.format("part-%05d", partition);
    }

    /** Writes the RDD's partitions to {@code directory} (which must not exist) and returns them as a checkpoint. */
    static Checkpoint write(Rdd<?> rdd, Location directory) {
        writeParts(rdd, directory, (elements, out) -> ElementStreams.write(elements, out, false));
        return new Checkpoint(directory, rdd.getNumPartitions(), rdd.context().fileSystemSettings());
    }

    /** How one partition's elements become the bytes of its file. */
    @FunctionalInterface
    interface PartWriter extends Serializable {
        void write(Iterator<?> elements, OutputStream out) throws IOException;
    }

    /**
     * Writes each partition of {@code rdd} as a file {@code part-NNNNN} of {@code directory}, which
     * must not exist: into a hidden staging directory first, moved into place and marked
     * {@code _SUCCESS} once every task succeeded, so a failed job leaves nothing at the destination.
     *
     * @throws EmberException PATH_ALREADY_EXISTS when the directory exists
     */
    static void writeParts(Rdd<?> rdd, Location directory, PartWriter writer) {
        Map<String, String> settings = rdd.context().fileSystemSettings();
        FileSystem fileSystem = FileSystems.of(directory, settings);
        Location staging = FileCommit.stagingDirectory(directory, UUID.randomUUID().toString());
        try {
            if (fileSystem.exists(directory)) {
                throw EmberException.of(ErrorClass.PATH_ALREADY_EXISTS, "path", directory);
            }
            rdd.context().runJob(rdd, (elements, task) -> {
                Location file = staging.resolve(partFileName(task.partitionId()));
                try (OutputStream out = FileSystems.of(file, settings).create(file)) {
                    writer.write(elements, out);
                }
                return null;
            });
            if (fileSystem.exists(staging)) {
                fileSystem.rename(staging, directory);
            }
            FileCommit.markSuccess(fileSystem, directory);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Writing", "path", directory, "detail", String.valueOf(e.getMessage()))
                    .withCause(e);
        } finally {
            try {
                fileSystem.deleteRecursively(staging);
            } catch (IOException e) {
                // Best effort: the staging directory is hidden and never read as data.
            }
        }
    }

    /** {@code saveAsObjectFile}: as a checkpoint, to a path of the program's choosing. */
    static void save(Rdd<?> rdd, Location destination) {
        write(rdd, destination);
    }

    <T> Iterator<T> read(int partition) {
        return readFile(directory.resolve(partFileName(partition)), fileSystemSettings);
    }

    static <T> Iterator<T> readFile(Location file, Map<String, String> settings) {
        try {
            return ElementStreams.read(FileSystems.of(file, settings).newInputFile(file).newStream(), false, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
