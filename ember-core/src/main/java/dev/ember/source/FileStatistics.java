package dev.ember.source;

import dev.ember.fs.FileEntry;
import java.io.IOException;
import java.util.List;

/**
 * The statistics of a relation's files, read from its format on first use and kept: the copies of a
 * relation (other columns, pushed filters) share them, and a view's relation reads them once for
 * every query over it.
 */
public final class FileStatistics {
    /** Reads the statistics of some files; null when the format keeps none. */
    @FunctionalInterface
    public interface Reader {
        TableStatistics read(List<FileEntry> files) throws IOException;
    }

    public static final FileStatistics NONE = new FileStatistics(files -> null, List.of());

    private final Reader reader;
    private final List<FileEntry> files;
    private boolean read;
    private TableStatistics statistics;

    public FileStatistics(Reader reader, List<FileEntry> files) {
        this.reader = reader;
        this.files = List.copyOf(files);
    }

    /** The statistics of only {@code kept}, read when first asked for. */
    public FileStatistics of(List<FileEntry> kept) {
        return new FileStatistics(reader, kept);
    }

    /** The statistics, or null when the format keeps none or could not read them. */
    public synchronized TableStatistics get() {
        if (!read) {
            read = true;
            try {
                statistics = reader.read(files);
            } catch (IOException | RuntimeException e) {
                // They only guide estimates: a file that cannot be read fails the query when it is scanned, with its own error.
                statistics = null;
            }
        }
        return statistics;
    }
}
