package dev.ember.io.text;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.source.Options;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Where lines end, at the byte level: by default any of {@code \n}, {@code \r} and {@code \r\n}
 * (Spark's reading default), or one fixed byte sequence given by the {@code lineSep} option.
 */
public final class LineSeparator {
    /** {@code \n}, {@code \r} or {@code \r\n}. */
    public static final LineSeparator ANY = new LineSeparator(null);

    private final byte[] bytes;

    private LineSeparator(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The {@code lineSep} option encoded in {@code charset}, or {@link #ANY} when it is not set. */
    public static LineSeparator fromOptions(Options options, Charset charset) {
        if (!options.contains("lineSep")) {
            return ANY;
        }
        String text = options.get("lineSep", "");
        if (text.isEmpty()) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`lineSep`",
                    "function", "the data source options", "detail", "the line separator must not be empty");
        }
        return new LineSeparator(text.getBytes(charset));
    }

    /** A fixed separator (such as CSV's {@code lineSep}) encoded in {@code charset}; {@link #ANY} for {@code \n}, {@code \r} and {@code \r\n}. */
    public static LineSeparator of(String separator, Charset charset) {
        boolean standard = separator.equals("\n") || separator.equals("\r") || separator.equals("\r\n");
        return standard ? ANY : new LineSeparator(separator.getBytes(charset));
    }

    /** The longest separator in bytes: how far before a split's start a separator ending there can begin. */
    int maxLength() {
        return bytes == null ? 1 : bytes.length;
    }

    /** The first index in {@code [from, to)} where a separator may begin, or -1. */
    int indexOfCandidate(byte[] buffer, int from, int to) {
        if (bytes == null) {
            for (int i = from; i < to; i++) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    return i;
                }
            }
            return -1;
        }
        byte first = bytes[0];
        for (int i = from; i < to; i++) {
            if (buffer[i] == first) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The length of the separator beginning at {@code candidate}: positive when there is one, 0 when
     * the candidate is ordinary data, -1 when the bytes up to {@code to} cannot tell and more input
     * exists ({@code endOfInput} false).
     */
    int lengthAt(byte[] buffer, int candidate, int to, boolean endOfInput) {
        if (bytes == null) {
            if (buffer[candidate] == '\n') {
                return 1;
            }
            if (candidate + 1 < to) {
                return buffer[candidate + 1] == '\n' ? 2 : 1;
            }
            return endOfInput ? 1 : -1;
        }
        if (candidate + bytes.length <= to) {
            return Arrays.equals(buffer, candidate, candidate + bytes.length, bytes, 0, bytes.length) ? bytes.length : 0;
        }
        if (endOfInput || !Arrays.equals(buffer, candidate, to, bytes, 0, to - candidate)) {
            return 0;
        }
        return -1;
    }
}
