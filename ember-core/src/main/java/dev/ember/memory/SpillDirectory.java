package dev.ember.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One task attempt's spill files, in a directory of their own under the executor's local
 * directory ({@code ember.local.dir}), created on first use and deleted with everything in it when
 * the task ends, succeeded or failed.
 */
public final class SpillDirectory implements AutoCloseable {
    private final Path root;
    private final String prefix;
    private Path directory;
    private int files;

    public SpillDirectory(Path root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** A new file to spill into, named for what writes it. */
    public synchronized Path newFile(String purpose) throws IOException {
        if (directory == null) {
            Files.createDirectories(root);
            directory = Files.createTempDirectory(root, prefix);
        }
        return directory.resolve(purpose + "-" + files++ + ".spill");
    }

    @Override
    public synchronized void close() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spill files in " + directory, e);
        }
        directory = null;
    }
}
