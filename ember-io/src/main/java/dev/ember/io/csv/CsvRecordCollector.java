package dev.ember.io.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Receives FastCSV's fields and keeps the current record's text in one reusable buffer, so that
 * parsing allocates nothing per record. FastCSV hands back this same object for every record: it
 * is valid until the next record is read.
 */
final class CsvRecordCollector extends AbstractBaseCsvCallbackHandler<CsvRecordCollector> {
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final String emptyValue;
    private char[] chars = new char[1024];
    private CharBuffer view = CharBuffer.wrap(chars);
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int fieldCount;
    private int charCount;
    private long line;

    /** {@code emptyValue} stands for a quoted empty field ({@code ""}), as univocity hands it to Spark. */
    CsvRecordCollector(boolean trimLeading, boolean trimTrailing, String emptyValue) {
        this.trimLeading = trimLeading;
        this.trimTrailing = trimTrailing;
        this.emptyValue = emptyValue;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        fieldCount = 0;
        charCount = 0;
        line = startingLineNumber;
    }

    @Override
    protected void handleField(int fieldIndex, char[] buffer, int offset, int length, boolean isQuoted) {
        if (isQuoted && length == 0 && !emptyValue.isEmpty()) {
            handleField(fieldIndex, emptyValue.toCharArray(), 0, emptyValue.length(), true);
            return;
        }
        int from = offset;
        int to = offset + length;
        if (!isQuoted) {
            while (trimLeading && from < to && CsvOptions.isWhitespace(buffer[from])) {
                from++;
            }
            while (trimTrailing && to > from && CsvOptions.isWhitespace(buffer[to - 1])) {
                to--;
            }
        }
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
            quoted = Arrays.copyOf(quoted, fieldCount * 2);
        }
        if (charCount + (to - from) > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + (to - from)));
            view = CharBuffer.wrap(chars);
        }
        System.arraycopy(buffer, from, chars, charCount, to - from);
        starts[fieldCount] = charCount;
        charCount += to - from;
        ends[fieldCount] = charCount;
        quoted[fieldCount] = isQuoted;
        fieldCount++;
    }

    @Override
    protected CsvRecordCollector buildRecord() {
        return this;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The 1-based line where the record starts, counted within the input FastCSV was given. */
    long line() {
        return line;
    }

    /** The characters of all fields; field {@code i} is {@code [start(i), end(i))}. */
    char[] chars() {
        return chars;
    }

    /** {@link #chars()} as a CharSequence, for parsers that take one. */
    CharSequence charSequence() {
        return view;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    String text(int field) {
        return new String(chars, starts[field], ends[field] - starts[field]);
    }

    boolean textEquals(int field, String value) {
        int length = ends[field] - starts[field];
        if (length != value.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[starts[field] + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the field reads as null: an unquoted empty field always does (as in Spark), any field whose text is {@code nullValue} too. */
    boolean isNull(int field, String nullValue) {
        return (!quoted[field] && starts[field] == ends[field]) || textEquals(field, nullValue);
    }

    /** A line holding only whitespace, which Spark skips like an empty line. */
    boolean isBlank() {
        if (fieldCount != 1 || quoted[0]) {
            return false;
        }
        for (int i = starts[0]; i < ends[0]; i++) {
            if (!CsvOptions.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** The record written back as CSV, for error messages and the corrupt-record column. */
    String toCsv(String separator, char quote) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fieldCount; i++) {
            if (i > 0) {
                out.append(separator);
            }
            if (quoted[i]) {
                out.append(quote);
                for (int c = starts[i]; c < ends[i]; c++) {
                    if (chars[c] == quote) {
                        out.append(quote);
                    }
                    out.append(chars[c]);
                }
                out.append(quote);
            } else {
                out.append(chars, starts[i], ends[i] - starts[i]);
            }
        }
        return out.toString();
    }
}
