package dev.ember.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The files an executor leaves its map outputs in, under {@code shuffle/} of its work directory,
 * for its worker's {@link ShuffleService}: {@code shuffle_S_M.data} holds a segment per reduce
 * partition, {@code shuffle_S_M.index} where each starts (and the data's length last). The index is
 * written last and renamed into place, so a served output is always whole.
 */
final class ShuffleFiles {
    private final Path directory;

    ShuffleFiles(Path executorDirectory) {
        this.directory = executorDirectory.resolve("shuffle");
    }

    Path data(int shuffleId, int mapPartition) {
        return directory.resolve("shuffle_" + shuffleId + "_" + mapPartition + ".data");
    }

    private Path index(int shuffleId, int mapPartition) {
        return directory.resolve("shuffle_" + shuffleId + "_" + mapPartition + ".index");
    }

    void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeIndex(int shuffleId, int mapPartition, long[] offsets) throws IOException {
        Path index = index(shuffleId, mapPartition);
        Path partial = index.resolveSibling(index.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(partial))) {
            out.writeInt(offsets.length);
            for (long offset : offsets) {
                out.writeLong(offset);
            }
        }
        Files.move(partial, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Where each reduce partition's segment starts; {@link java.nio.file.NoSuchFileException} when the output was never written whole. */
    long[] readIndex(int shuffleId, int mapPartition) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(index(shuffleId, mapPartition)))) {
            long[] offsets = new long[in.readInt()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = in.readLong();
            }
            return offsets;
        }
    }

    /** Deletes what is left of a shuffle's outputs. */
    void remove(int shuffleId) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        String prefix = "shuffle_" + shuffleId + "_";
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // The worker deletes the directory when the application ends.
        }
    }
}
