package dev.ember.io.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Turns each occurrence of a custom {@code lineSep} (such as {@code |} or {@code ;;}) into
 * {@code \n}, the line end FastCSV knows, so that records end where Spark ends them.
 */
final class LineSeparatorReader extends Reader {
    private final PushbackReader in;
    private final char[] separator;

    LineSeparatorReader(Reader in, String separator) {
        this.separator = separator.toCharArray();
        this.in = new PushbackReader(in, this.separator.length);
    }

    /** The reader itself when the separator is one FastCSV already ends records at. */
    static Reader wrap(Reader in, String separator) {
        return separator == null || separator.equals("\n") || separator.equals("\r") || separator.equals("\r\n")
                ? in
                : new LineSeparatorReader(in, separator);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        int count = 0;
        while (count < length) {
            int c = in.read();
            if (c < 0) {
                return count == 0 ? -1 : count;
            }
            target[offset + count++] = c == separator[0] && restOfSeparatorFollows() ? '\n' : (char) c;
            if (!in.ready()) {
                break;
            }
        }
        return count;
    }

    /** Whether the separator's remaining characters come next; consumes them if so. */
    private boolean restOfSeparatorFollows() throws IOException {
        char[] rest = new char[separator.length - 1];
        int read = 0;
        while (read < rest.length) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            rest[read++] = (char) c;
            if (rest[read - 1] != separator[read]) {
                break;
            }
        }
        if (read == rest.length && java.util.Arrays.equals(rest, 0, read, separator, 1, separator.length)) {
            return true;
        }
        in.unread(rest, 0, read);
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
