package dev.ember.io.csv;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes records of text fields in Spark's CSV dialect, as Spark's writer does:
 * <ul>
 *   <li>leading and trailing whitespace (any character up to the space) is dropped unless
 *       {@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace} are false; a value left
 *       empty is written as {@code emptyValue}, a null as {@code nullValue}, and both of those go
 *       through the same quoting unless they are already quoted ({@code ""}, the default
 *       {@code emptyValue});</li>
 *   <li>a value is quoted when {@code quoteAll} is set, when it holds the separator, a line break
 *       or a character of {@code lineSep}, when it starts with the quote, when it holds the quote
 *       and {@code escapeQuotes} is set, or when it starts the record with the comment character
 *       ({@code #} unless {@code comment} says otherwise);</li>
 *   <li>inside quotes, a quote is written after {@code escape} and an escape character after
 *       {@code charToEscapeQuoteEscaping} (by default the escape itself, none when the escape is
 *       the quote); unquoted values are written as they are;</li>
 *   <li>with a two-character {@code lineSep}, a line feed inside a value is written as {@code lineSep}.</li>
 * </ul>
 * Spark's quote and escape (quote {@code ""} writes the NUL character as the quote) are kept
 * exactly, so that what Spark wrote and what this writes read back alike.
 */
final class CsvRecordWriter {
    private final Writer out;
    private final String separator;
    private final char quote;
    private final char escape;
    /** Written before an escape character inside quotes; {@code '\0'} for none. */
    private final char escapeEscape;
    private final char comment;
    private final String lineSeparator;
    private final boolean expandsLineFeeds;
    private final boolean quoteAll;
    private final boolean escapeQuotes;
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final String nullValue;
    private final String emptyValue;
    private final StringBuilder body = new StringBuilder();
    private boolean recordStarted;

    CsvRecordWriter(Writer out, CsvOptions options) {
        this.out = out;
        this.separator = options.separator;
        this.quote = options.quote;
        this.escape = options.escape;
        this.escapeEscape = options.charToEscapeQuoteEscaping;
        this.comment = options.comment > 0 ? (char) options.comment : '#';
        this.lineSeparator = options.lineSeparator;
        this.expandsLineFeeds = lineSeparator.length() == 2;
        this.quoteAll = options.quoteAll;
        this.escapeQuotes = options.escapeQuotes;
        this.trimLeading = options.ignoreLeadingWhiteSpace;
        this.trimTrailing = options.ignoreTrailingWhiteSpace;
        this.nullValue = options.nullValue;
        this.emptyValue = options.emptyValue;
    }

    /** Writes the next field of the current record; null for a null value. */
    void field(String value) throws IOException {
        if (recordStarted) {
            out.write(separator);
        }
        if (value == null) {
            special(nullValue);
        } else if (!value(value)) {
            special(emptyValue);
        }
        recordStarted = true;
    }

    void endRecord() throws IOException {
        out.write(lineSeparator);
        recordStarted = false;
    }

    void close() throws IOException {
        out.close();
    }

    /** The text standing for a null or an empty value: as it is when already quoted, else as a value. */
    private void special(String text) throws IOException {
        if (text.length() >= 2 && text.charAt(0) == quote && text.charAt(text.length() - 1) == quote) {
            out.write(text);
        } else if (!value(text) && quoteAll) {
            out.write(quote);
            out.write(quote);
        }
    }

    /** Writes a value, quoted and escaped as needed; false, writing nothing, when it is empty after trimming. */
    private boolean value(String value) throws IOException {
        int from = 0;
        while (trimLeading && from < value.length() && CsvOptions.isWhitespace(value.charAt(from))) {
            from++;
        }
        boolean quoted = needsQuotes(value, from);
        body.setLength(0);
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == quote) {
                body.append(escape);
            } else if (quoted && c == escape && escapeEscape != '\0') {
                body.append(escapeEscape);
            }
            if (c == '\n' && expandsLineFeeds) {
                body.append(lineSeparator);
            } else {
                body.append(c);
            }
        }
        int to = body.length();
        while (trimTrailing && to > 0 && CsvOptions.isWhitespace(body.charAt(to - 1))) {
            to--;
        }
        if (to == 0) {
            return false;
        }
        if (quoted) {
            out.write(quote);
        }
        out.append(body, 0, to);
        if (quoted) {
            out.write(quote);
        }
        return true;
    }

    /** Spark's quoting decision, made on the value after its leading whitespace is dropped (trailing whitespace still counts). */
    private boolean needsQuotes(String value, int from) {
        if (quoteAll || (from < value.length() && value.charAt(from) == quote) || (!recordStarted && !value.isEmpty() && value.charAt(0) == comment)) {
            return true;
        }
        if (separator.length() > 1 && value.indexOf(separator, from) >= 0) {
            return true;
        }
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == separator.charAt(0) && separator.length() == 1) || c == '\n' || c == '\r' || lineSeparator.indexOf(c) >= 0
                    || (c == quote && escapeQuotes)) {
                return true;
            }
        }
        return false;
    }
}
