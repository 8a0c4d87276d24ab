package dev.ember.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The operations Ember needs of a filesystem: list, read, create, rename, delete. Local disks and
 * object stores implement it; an object store has no directories, so a "directory" is every
 * object under a prefix. Implementations are thread-safe and shared by the tasks of a process.
 */
public interface FileSystem {
    /**
     * The files at {@code location}: the file itself, or every file under the directory, at any
     * depth, sorted by location.
     *
     * @throws NoSuchFileException when nothing is there
     */
    List<FileEntry> listFiles(Location location) throws IOException;

    /** Whether a file or a non-empty directory is at {@code location}. */
    boolean exists(Location location) throws IOException;

    /** Reads the file at {@code location}, whose length a listing may already have found. */
    InputFile newInputFile(FileEntry file);

    /** Reads the file at {@code location}; its length is asked for when first needed. */
    InputFile newInputFile(Location location);

    /**
     * Creates a file (and any missing parent directories) and opens it for writing. The file is
     * complete, and on an object store visible, only once the stream is closed.
     *
     * @throws FileAlreadyExistsException when a file is already there
     */
    OutputStream create(Location location) throws IOException;

    /**
     * Moves a file or a whole directory to {@code target}, which must not exist. Atomic on a local
     * disk; an object store copies every object and then deletes the originals.
     */
    void rename(Location source, Location target) throws IOException;

    /** Deletes a file or a whole directory; nothing happens when nothing is there. */
    void deleteRecursively(Location location) throws IOException;

    /**
     * Whether {@link #rename} moves a whole directory in one atomic step, as a local disk does,
     * rather than object by object. The commit protocol replaces a destination differently when not.
     */
    default boolean renamesAtomically() {
        return false;
    }
}
