package dev.ember.io.text;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.InputFile;
import dev.ember.fs.SeekableInputStream;
import dev.ember.source.FileSplit;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/**
 * The bytes of one split of a line-oriented file: exactly the lines whose first byte follows a
 * byte of {@code [start, start + length)} (the first line of the file goes to the first split),
 * as Hadoop's line reader assigns them. A split that does not start the file skips past the first
 * separator from its start; every split reads on to finish its last line. Two neighbouring splits
 * find their common boundary with the same search, so each line is read exactly once.
 *
 * <p>Input that cannot be split (compressed files, records that span lines, whole-file values,
 * charsets whose line separators are not single ASCII bytes) is read whole by the split that starts
 * the file; every other split of it is empty.
 */
public final class SplitInput implements Closeable {
    private final FileSplit split;
    private final InputFile file;
    private final LineSeparator separator;
    private final long firstByte;
    private final InputStream stream;
    private long linesBefore = -1;

    private SplitInput(FileSplit split, InputFile file, LineSeparator separator, long firstByte, InputStream stream) {
        this.split = split;
        this.file = file;
        this.separator = separator;
        this.firstByte = firstByte;
        this.stream = stream;
    }

    /**
     * Opens the lines of {@code split}. {@code splittable} is false when the caller's records may
     * span lines; compressed files are never splittable.
     *
     * @throws EmberException PATH_NOT_FOUND or IO_ERROR naming the file
     */
    public static SplitInput open(InputFile file, FileSplit split, LineSeparator separator, boolean splittable) {
        requireNonNull(file, "file is null");
        requireNonNull(split, "split is null");
        requireNonNull(separator, "separator is null");
        Compression compression = Compression.ofFile(split.path());
        try {
            if (compression != Compression.NONE || !splittable) {
                if (split.start() > 0) {
                    return new SplitInput(split, file, separator, split.start(), InputStream.nullInputStream());
                }
                return new SplitInput(split, file, separator, 0, compression.decompress(open(file, 0, Long.MAX_VALUE)));
            }
            long first = lineStartAfter(file, split.start(), separator);
            long end = split.start() + split.length() >= split.fileLength()
                    ? split.fileLength()
                    : lineStartAfter(file, split.start() + split.length(), separator);
            InputStream stream = first >= end ? InputStream.nullInputStream() : open(file, first, end - first);
            return new SplitInput(split, file, separator, first, stream);
        } catch (NoSuchFileException e) {
            throw EmberException.of(ErrorClass.PATH_NOT_FOUND, "path", split.path()).withCause(e);
        } catch (IOException e) {
            throw ioError("Opening", split.path(), e);
        }
    }

    /** The split's bytes, to be read once. */
    public InputStream stream() {
        return stream;
    }

    public String path() {
        return split.path();
    }

    /** Whether this split begins the file, and so holds its header line if there is one. */
    public boolean startsFile() {
        return split.start() == 0;
    }

    /**
     * The number of lines in the file before this split's first line, to turn line numbers within
     * the split into line numbers within the file. Counted on first use by reading the file up to
     * the split, so only error paths should ask.
     */
    public long linesBefore() {
        if (linesBefore < 0) {
            linesBefore = 0;
            if (firstByte > 0) {
                try (InputStream prefix = open(file, 0, firstByte)) {
                    LineReader lines = new LineReader(prefix, separator);
                    while (lines.next()) {
                        linesBefore++;
                    }
                } catch (IOException e) {
                    throw ioError("Reading", split.path(), e);
                }
            }
        }
        return linesBefore;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    /** The IO_ERROR Ember reports for a failed file operation ({@code Reading}, {@code Writing}, ...). */
    public static EmberException ioError(String operation, String path, IOException cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return EmberException.of(ErrorClass.IO_ERROR, "operation", operation, "path", path, "detail", detail).withCause(cause);
    }

    /**
     * Where the first line starting after {@code position} begins: just past the first separator
     * found from {@code position} on (the file length if none). As in Hadoop's line reader, which
     * Spark reads text with, a line belongs to the split holding the byte before it, so a split
     * whose start falls exactly on a line start leaves that line to the split before it.
     */
    private static long lineStartAfter(InputFile file, long position, LineSeparator separator) throws IOException {
        if (position == 0) {
            return 0;
        }
        try (InputStream in = open(file, position, Long.MAX_VALUE)) {
            LineReader lines = new LineReader(in, separator);
            lines.next();
            return position + lines.consumed();
        }
    }

    private static InputStream open(InputFile file, long from, long length) throws IOException {
        SeekableInputStream in = file.newStream();
        in.seek(from);
        return new BufferedInputStream(length == Long.MAX_VALUE ? in : new BoundedInputStream(in, length), 64 * 1024);
    }

    /** Stops after a number of bytes. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(target, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
