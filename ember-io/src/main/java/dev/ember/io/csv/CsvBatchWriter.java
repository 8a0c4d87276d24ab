package dev.ember.io.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import dev.ember.fs.Abortable;
import dev.ember.fs.OutputFile;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.text.SplitInput;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.source.BatchWriter;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;

/**
 * Writes batches as RFC 4180 CSV through FastCSV: fields quoted when they hold the separator, a
 * quote or a line break, quotes inside doubled; nulls as {@code nullValue} (empty by default) and
 * empty strings as {@code ""}, so that the two read back apart. Strings lose leading and trailing
 * whitespace unless {@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace} are false, as
 * in Spark. Dates use {@code dateFormat} (ISO by default), timestamps {@code timestampFormat}
 * (Spark's {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} by default) in {@code timeZone}, decimals are
 * plain, doubles as {@link Double#toString}.
 *
 * <p>Spark writes quotes inside values as {@code \"}; this writer doubles them as RFC 4180 says.
 * The reader takes both.
 */
final class CsvBatchWriter implements BatchWriter {
    /** FastCSV quotes a record's first field when it starts with this (its default comment character). */
    private static final char FASTCSV_COMMENT = '#';

    private final String path;
    private final CsvOptions options;
    private final ValueFormatter[] formatters;
    private final OutputStream fileStream;
    private final CsvWriter csv;
    private final boolean emptyStringsQuoted;

    CsvBatchWriter(OutputFile file, StructType schema, CsvOptions options) throws IOException {
        this.path = file.location().toString();
        this.options = options;
        if (options.separator.length() != 1) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "writing CSV with a multi-character separator");
        }
        this.formatters = new ValueFormatter[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            formatters[i] = formatter(schema.field(i), options);
        }
        String doubledQuote = String.valueOf(options.quote) + options.quote;
        this.emptyStringsQuoted = options.emptyValue.equals(doubledQuote) || options.emptyValue.equals("\"\"");
        try {
            this.fileStream = file.create();
            OutputStream out = options.compression.compress(fileStream);
            this.csv = CsvWriter.builder()
                    .fieldSeparator(options.separator.charAt(0))
                    .quoteCharacter(options.quoting() ? options.quote : '"')
                    .quoteStrategy(new SparkQuoting(options.quoteAll, emptyStringsQuoted))
                    .lineDelimiter(LineDelimiter.of(options.lineSeparator))
                    .build(new OutputStreamWriter(out, options.charset));
            if (options.header) {
                csv.writeRecord(schema.fieldNames());
            }
        } catch (IOException | UncheckedIOException e) {
            throw SplitInput.ioError("Writing", path, e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e);
        }
    }

    @Override
    public void write(Batch batch) {
        int columns = formatters.length;
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                CsvWriter.CsvWriterRecord record = csv.writeRecord();
                for (int column = 0; column < columns; column++) {
                    ColumnVector vector = batch.column(column);
                    record.writeField(vector.isNull(row) ? nullText() : text(formatters[column].format(vector, row), column));
                }
                record.endRecord();
            }
        } catch (UncheckedIOException e) {
            throw SplitInput.ioError("Writing", path, e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } catch (IOException | UncheckedIOException e) {
            throw SplitInput.ioError("Writing", path, e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e);
        }
    }

    @Override
    public void abort() {
        Abortable.abort(fileStream);
        try {
            csv.close();
        } catch (IOException | RuntimeException e) {
            // the commit protocol deletes the file; nothing more to release
        }
    }

    private String nullText() {
        return options.nullValue.isEmpty() ? null : options.nullValue;
    }

    /** A formatted value after whitespace trimming, with the empty string spelled as {@code emptyValue}. */
    private String text(String value, int column) {
        int from = 0;
        int to = value.length();
        while (options.ignoreLeadingWhiteSpace && from < to && CsvOptions.isWhitespace(value.charAt(from))) {
            from++;
        }
        while (options.ignoreTrailingWhiteSpace && to > from && CsvOptions.isWhitespace(value.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return emptyStringsQuoted ? "" : options.emptyValue;
        }
        return protectEscapes(value.substring(from, to), column);
    }

    /**
     * In a value that will be quoted, doubles each escape character that comes before a quote,
     * another escape character or the end of the value. Readers of Spark's dialect (this one
     * included, with the default {@code escape} of backslash) read such a backslash as an escape;
     * doubled, it reads back as itself. Other backslashes are left alone, so the output stays
     * RFC 4180 unless a value has a backslash in one of those places.
     */
    private String protectEscapes(String value, int column) {
        char escape = options.escape;
        char quote = options.quote;
        if (escape == quote || value.indexOf(escape) < 0 || !willBeQuoted(value, column)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c);
            if (c == escape && (i + 1 == value.length() || value.charAt(i + 1) == quote || value.charAt(i + 1) == escape)) {
                out.append(escape);
            }
        }
        return out.toString();
    }

    /** Whether FastCSV will quote the value: it holds a separator, quote or line break, or starts the record with its comment character. */
    private boolean willBeQuoted(String value, int column) {
        return options.quoteAll
                || value.indexOf(options.separator.charAt(0)) >= 0
                || value.indexOf(options.quote) >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || (column == 0 && value.charAt(0) == FASTCSV_COMMENT);
    }

    /** Turns the non-null value at a position into its CSV text. */
    @FunctionalInterface
    private interface ValueFormatter {
        String format(ColumnVector vector, int row);
    }

    private static ValueFormatter formatter(StructField field, CsvOptions options) {
        DataType type = field.dataType();
        if (type == AtomicType.STRING) {
            return (vector, row) -> ((StringVector) vector).getString(row);
        }
        if (type == AtomicType.INT || type == AtomicType.SHORT || type == AtomicType.BYTE) {
            return (vector, row) -> Integer.toString(((IntVector) vector).get(row));
        }
        if (type == AtomicType.LONG) {
            return (vector, row) -> Long.toString(((LongVector) vector).get(row));
        }
        if (type == AtomicType.DOUBLE) {
            return (vector, row) -> Double.toString(((DoubleVector) vector).get(row));
        }
        if (type == AtomicType.FLOAT) {
            return (vector, row) -> Float.toString((float) ((DoubleVector) vector).get(row));
        }
        if (type == AtomicType.BOOLEAN) {
            return (vector, row) -> Boolean.toString(((BooleanVector) vector).get(row));
        }
        if (type instanceof DecimalType) {
            return (vector, row) -> ((DecimalVector) vector).get(row).toPlainString();
        }
        if (type == AtomicType.DATE) {
            return (vector, row) -> options.dateTime.formatDate(((IntVector) vector).get(row));
        }
        if (type == AtomicType.TIMESTAMP) {
            return (vector, row) -> options.dateTime.formatTimestamp(((LongVector) vector).get(row));
        }
        if (type == AtomicType.NULL) {
            return (vector, row) -> null;
        }
        if (!(type instanceof AtomicType)) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE, "format", "CSV", "columnName", "`" + field.name() + "`",
                    "columnType", "\"" + type.simpleString().toUpperCase(java.util.Locale.ROOT) + "\"");
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature",
                "writing CSV column `" + field.name() + "` of type " + type.simpleString());
    }

    /** Quotes what must be quoted, empty strings when they are to read back as empty, and everything with {@code quoteAll}. */
    private record SparkQuoting(boolean quoteAll, boolean quoteEmpty) implements QuoteStrategy {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return quoteEmpty || quoteAll;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return quoteAll;
        }
    }
}
