package dev.ember.io.csv;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.text.Compression;
import dev.ember.source.Options;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The CSV options of one read or write, with Spark's names and defaults. Options a read or a write
 * does not use are still parsed, so that a bad value fails early and the same way on both sides.
 */
final class CsvOptions {
    /** Spark's default for {@code spark.sql.columnNameOfCorruptRecord}. */
    static final String DEFAULT_CORRUPT_COLUMN = "_corrupt_record";
    static final char NO_QUOTE = '\0';

    final String separator;
    final char quote;
    final char escape;
    final int comment;
    final boolean header;
    final boolean enforceSchema;
    final boolean inferSchema;
    final boolean preferDate;
    final boolean multiLine;
    final ParseMode mode;
    final String corruptColumn;
    final String nullValue;
    final String emptyValue;
    final String nanValue;
    final String positiveInf;
    final String negativeInf;
    final Charset charset;
    final String lineSeparator;
    final boolean ignoreLeadingWhiteSpace;
    final boolean ignoreTrailingWhiteSpace;
    final boolean quoteAll;
    final boolean escapeQuotes;
    /** Written before the escape character inside quoted values; {@code '\0'} for none. */
    final char charToEscapeQuoteEscaping;
    final Compression compression;
    final String extension;
    final DateTimeCodec dateTime;

    private CsvOptions(Options options, boolean forWrite) {
        separator = unescapeSeparator(options.get("sep", options.get("delimiter", ",")));
        String quoteText = options.get("quote", "\"");
        quote = quoteText.isEmpty() ? NO_QUOTE : options.getChar("quote", '"');
        escape = options.getChar("escape", '\\');
        String commentText = options.get("comment", "");
        comment = commentText.isEmpty() ? -1 : options.getChar("comment", '#');
        header = options.getBoolean("header", false);
        enforceSchema = options.getBoolean("enforceSchema", true);
        inferSchema = options.getBoolean("inferSchema", false);
        preferDate = options.getBoolean("preferDate", true);
        multiLine = options.getBoolean("multiLine", false);
        mode = ParseMode.fromOption(options.get("mode", "PERMISSIVE"));
        corruptColumn = options.get("columnNameOfCorruptRecord", DEFAULT_CORRUPT_COLUMN);
        nullValue = options.get("nullValue", "");
        emptyValue = options.get("emptyValue", forWrite ? "\"\"" : "");
        nanValue = options.get("nanValue", "NaN");
        positiveInf = options.get("positiveInf", "Inf");
        negativeInf = options.get("negativeInf", "-Inf");
        charset = charset(options.get("encoding", options.get("charset", "UTF-8")));
        lineSeparator = lineSeparator(options, forWrite);
        ignoreLeadingWhiteSpace = options.getBoolean("ignoreLeadingWhiteSpace", forWrite);
        ignoreTrailingWhiteSpace = options.getBoolean("ignoreTrailingWhiteSpace", forWrite);
        quoteAll = options.getBoolean("quoteAll", false);
        escapeQuotes = options.getBoolean("escapeQuotes", true);
        charToEscapeQuoteEscaping = options.getChar("charToEscapeQuoteEscaping", escape == quote ? '\0' : escape);
        compression = forWrite ? Compression.forWrite(options) : Compression.NONE;
        extension = options.get("extension", "csv");
        dateTime = new DateTimeCodec(options.get("dateFormat", null), options.get("timestampFormat", null), options.getZone("timeZone"));
        if (quote != NO_QUOTE && separator.indexOf(quote) >= 0) {
            throw invalid("quote", "the quote character must differ from the separator");
        }
    }

    static CsvOptions forRead(Options options) {
        return new CsvOptions(options, false);
    }

    static CsvOptions forWrite(Options options) {
        return new CsvOptions(options, true);
    }

    boolean quoting() {
        return quote != NO_QUOTE;
    }

    /** Spark's unescaping of {@code sep}: {@code \t}, {@code \\} and {@code \}{@code uXXXX} may be written escaped. */
    private static String unescapeSeparator(String text) {
        if (text.isEmpty()) {
            throw invalid("sep", "the separator must not be empty");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            if (next == 't') {
                out.append('\t');
            } else if (next == '\\') {
                out.append('\\');
            } else if (next == 'u' && i + 4 < text.length()) {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                throw invalid("sep", "unsupported escape '\\" + next + "'");
            }
        }
        return out.toString();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw invalid("encoding", "unknown charset '" + name + "'");
        }
    }

    /**
     * The {@code lineSep} option: one or two characters, as Spark allows. Reads end records at
     * {@code \n}, {@code \r} and {@code \r\n} by default; a write uses {@code \n} by default.
     */
    private static String lineSeparator(Options options, boolean forWrite) {
        String value = options.get("lineSep", null);
        if (value == null) {
            return forWrite ? "\n" : null;
        }
        if (value.isEmpty() || value.length() > 2) {
            throw invalid("lineSep", "the line separator must have one or two characters");
        }
        return value;
    }

    static EmberException invalid(String option, String detail) {
        return EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`" + option + "`",
                "function", "the CSV options", "detail", detail);
    }

    static boolean isWhitespace(char c) {
        return c <= ' ';
    }
}
