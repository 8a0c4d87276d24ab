package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import dev.ember.fs.InputFile;
import dev.ember.io.text.SplitInput;
import dev.ember.source.FileSplit;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 JSON-lines split read by one Jackson parser as a stream of root values: no
 * line splitting ahead of parsing and no parser per line. The split's bytes pass through a buffer;
 * the parser reads the complete lines in it (the window) and is made again only when the window
 * moves on, or after a record that did not end as a line ends.
 *
 * <p>Each record still is exactly one line: it must end on the line where it began (Jackson counts
 * the line ends it passes, which are the separators {@code \n}, {@code \r} and {@code \r\n}), and
 * whatever follows it on that line is skipped unread. A record that breaks the first rule, or that
 * the reader found any problem in, is read again from a parser over its line alone
 * ({@link #isolate()}), so malformed lines come out exactly as {@link IsolatedRecords} reads them.
 */
final class StreamedLines implements JsonRecords {
    private static final int INITIAL_BUFFER = 256 * 1024;

    private final SplitInput input;
    private final JsonFactory factory;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    /** Bytes in the buffer; those before {@code windowEnd} are complete lines. */
    private int limit;
    private int windowEnd;
    private boolean endOfInput;
    /** Where the next line starts, and how many lines of the split come before it. */
    private int next;
    private long linesBefore;
    /** The current record's line: its start, its end before the separator (-1 until found), its index in the split. */
    private int lineStart;
    private int lineEnd;
    private long lineIndex;
    /** The parser over the window from {@code streamStart} on (null when it must be made again), and the line it starts at. */
    private JsonParser stream;
    private int streamStart;
    private long streamFirstLine;
    /** The parser over the current line alone, once it is isolated. */
    private JsonParser isolated;

    private StreamedLines(SplitInput input, JsonFactory factory) {
        this.input = input;
        this.factory = factory;
    }

    static StreamedLines open(InputFile file, FileSplit split, JsonOptions options) {
        return new StreamedLines(SplitInput.open(file, split, options.lineSeparator, true), options.factory);
    }

    @Override
    public boolean next() {
        try {
            closeIsolated();
            while (true) {
                int at = next;
                while (at < windowEnd && isSpace(buffer[at])) {
                    if (isSeparator(buffer[at])) {
                        at = afterSeparator(at);
                        next = at;
                        linesBefore++;
                    } else {
                        at++;
                    }
                }
                if (at < windowEnd) {
                    lineStart = next;
                    lineEnd = -1;
                    lineIndex = linesBefore;
                    return true;
                }
                if (!fill()) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw SplitInput.ioError("Reading", input.path(), e);
        }
    }

    @Override
    public JsonParser parser() throws IOException {
        if (isolated != null) {
            return isolated;
        }
        if (stream == null) {
            stream = factory.createParser(buffer, lineStart, windowEnd - lineStart);
            streamStart = lineStart;
            streamFirstLine = lineIndex;
        }
        return stream;
    }

    @Override
    public boolean confined() throws IOException {
        if (isolated != null) {
            return true;
        }
        JsonLocation end = stream.currentLocation();
        if (end.getLineNr() != lineIndex - streamFirstLine + 1) {
            return false;
        }
        int at = streamStart + (int) end.getByteOffset();
        boolean blankRest = true;
        for (; at < windowEnd && !isSeparator(buffer[at]); at++) {
            blankRest &= isSpace(buffer[at]);
        }
        endLine(at);
        if (!blankRest) {
            closeStream(); // the stream would read on into what follows the record; it starts again at the next line
        }
        return true;
    }

    @Override
    public boolean isolate() throws IOException {
        if (isolated != null) {
            return false;
        }
        closeStream();
        if (lineEnd < 0) {
            int at = lineStart;
            while (at < windowEnd && !isSeparator(buffer[at])) {
                at++;
            }
            endLine(at);
        }
        isolated = factory.createParser(buffer, lineStart, lineEnd - lineStart);
        return true;
    }

    @Override
    public String text() {
        return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    @Override
    public void copyTo(VectorBuilder.StringBuilder out) {
        out.appendBytes(buffer, lineStart, lineEnd - lineStart);
    }

    @Override
    public String path() {
        return input.path();
    }

    @Override
    public long line() {
        return input.linesBefore() + lineIndex + 1;
    }

    /** The current line ends at {@code at}: the next one starts past its separator. */
    private void endLine(int at) {
        lineEnd = at;
        if (at < windowEnd) {
            next = afterSeparator(at);
            linesBefore++;
        } else {
            next = at;
        }
    }

    private int afterSeparator(int at) {
        return buffer[at] == '\r' && at + 1 < windowEnd && buffer[at + 1] == '\n' ? at + 2 : at + 1;
    }

    /**
     * Moves the unread bytes to the front (growing the buffer when they fill it), reads more and
     * finds the new window; false when the input has ended.
     */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        closeStream();
        int unread = limit - next;
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, unread);
        } else if (unread == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        next = 0;
        limit = unread;
        int wanted = buffer.length - limit;
        int read = input.stream().readNBytes(buffer, limit, wanted);
        limit += read;
        endOfInput = read < wanted;
        windowEnd = endOfInput ? limit : lastLineEnd();
        return true;
    }

    /** Just past the buffer's last separator, leaving out a {@code \r} at the very end, whose {@code \n} may be still to come. */
    private int lastLineEnd() {
        for (int i = limit - 1; i >= 0; i--) {
            if (buffer[i] == '\n' || buffer[i] == '\r' && i < limit - 1) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean isSeparator(byte b) {
        return b == '\n' || b == '\r';
    }

    /** JSON's whitespace, line ends included. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void closeIsolated() throws IOException {
        if (isolated != null) {
            isolated.close();
            isolated = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
        closeIsolated();
        input.close();
    }
}
