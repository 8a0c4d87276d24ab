package dev.ember.io.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them. A separator at the very end does not
 * start another line: {@code "a\nb\n"} and {@code "a\nb"} are both two lines, {@code "a\n\n"} is
 * {@code "a"} and {@code ""}.
 */
public final class LineReader {
    private static final int INITIAL_BUFFER = 64 * 1024;

    private final InputStream in;
    private final LineSeparator separator;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int position;
    private int limit;
    private boolean endOfInput;
    private int lineStart;
    private int lineLength;
    private long consumed;

    public LineReader(InputStream in, LineSeparator separator) {
        this.in = in;
        this.separator = separator;
    }

    /** Moves to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        int searchFrom = position;
        while (true) {
            int candidate = separator.indexOfCandidate(buffer, searchFrom, limit);
            if (candidate >= 0) {
                int length = separator.lengthAt(buffer, candidate, limit, endOfInput);
                if (length > 0) {
                    take(candidate, candidate + length);
                    return true;
                }
                if (length == 0) {
                    searchFrom = candidate + 1;
                    continue;
                }
                searchFrom = candidate;
            } else {
                searchFrom = limit;
            }
            if (endOfInput) {
                if (position == limit) {
                    return false;
                }
                take(limit, limit);
                return true;
            }
            searchFrom -= position;
            fill();
        }
    }

    /** The buffer holding the current line; valid until the next call to {@link #next()}. */
    public byte[] bytes() {
        return buffer;
    }

    public int start() {
        return lineStart;
    }

    public int length() {
        return lineLength;
    }

    /** Bytes consumed so far, separators included. */
    public long consumed() {
        return consumed;
    }

    private void take(int lineEnd, int nextStart) {
        lineStart = position;
        lineLength = lineEnd - position;
        consumed += nextStart - position;
        position = nextStart;
    }

    /** Moves the unread bytes to the front, grows the buffer if it is full, and reads more. */
    private void fill() throws IOException {
        int unread = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, unread);
        } else if (unread == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        position = 0;
        limit = unread;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
        } else {
            limit += read;
        }
    }
}
