package dev.ember.io.csv;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.text.LineSeparator;
import dev.ember.io.text.SplitInput;
import dev.ember.fs.InputFile;
import dev.ember.source.FileSplit;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The CSV records of one split, parsed by FastCSV: blank lines and comments skipped, the header
 * line taken aside when the split starts the file and the {@code header} option is on.
 */
final class CsvRecordSource implements Closeable {
    private final SplitInput input;
    private final CsvOptions options;
    private final CsvReader<CsvRecordCollector> reader;
    private final Iterator<CsvRecordCollector> records;
    private boolean headerHandled;
    private List<String> header;

    private CsvRecordSource(SplitInput input, CsvOptions options) {
        this.input = input;
        this.options = options;
        CsvReader.CsvReaderBuilder builder = CsvReader.builder()
                .fieldSeparator(options.separator)
                .quoteCharacter(options.quote)
                .skipEmptyLines(true)
                .allowUnclosedQuote(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .trimWhitespacesAroundQuotes(options.ignoreLeadingWhiteSpace || options.ignoreTrailingWhiteSpace);
        if (options.comment >= 0) {
            builder.commentStrategy(CommentStrategy.SKIP).commentCharacter((char) options.comment);
        }
        QuoteNormalizingReader text = new QuoteNormalizingReader(
                LineSeparatorReader.wrap(new InputStreamReader(input.stream(), options.charset), options.lineSeparator), options);
        this.reader = builder.build(new CsvRecordCollector(options.ignoreLeadingWhiteSpace, options.ignoreTrailingWhiteSpace, options.emptyValue), text);
        this.records = reader.iterator();
    }

    /**
     * Opens a split. Records may span lines only with {@code multiLine}; then the file is read whole
     * by the split that starts it.
     */
    static CsvRecordSource open(InputFile file, FileSplit split, CsvOptions options) {
        LineSeparator lines = options.lineSeparator == null ? LineSeparator.ANY : LineSeparator.of(options.lineSeparator, options.charset);
        return new CsvRecordSource(SplitInput.open(file, split, lines, !options.multiLine && asciiLineBreaks(options)), options);
    }

    /** The next data record, or null at the end; valid until the next call. */
    CsvRecordCollector next() {
        if (!headerHandled) {
            headerHandled = true;
            if (options.header && input.startsFile()) {
                CsvRecordCollector first = nextNonBlank();
                if (first == null) {
                    return null;
                }
                header = new ArrayList<>(first.fieldCount());
                for (int i = 0; i < first.fieldCount(); i++) {
                    header.add(first.text(i));
                }
            }
        }
        return nextNonBlank();
    }

    /** The header line's fields, known after the first {@link #next()}; null when there is none. */
    List<String> header() {
        return header;
    }

    String path() {
        return input.path();
    }

    /** The record's 1-based line number in the file. */
    long lineInFile(CsvRecordCollector record) {
        return input.linesBefore() + record.line();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private CsvRecordCollector nextNonBlank() {
        try {
            while (records.hasNext()) {
                CsvRecordCollector record = records.next();
                if (!record.isBlank()) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw SplitInput.ioError("Reading", input.path(), e.getCause());
        } catch (CsvParseException e) {
            throw EmberException.of(ErrorClass.MALFORMED_RECORD_IN_PARSING, "record", input.path() + ": " + e.getMessage()).withCause(e);
        }
    }

    /** Whether the charset writes line breaks as the single ASCII bytes that splits are cut at. */
    private static boolean asciiLineBreaks(CsvOptions options) {
        byte[] encoded = "\n\r".getBytes(options.charset);
        return encoded.length == 2 && encoded[0] == '\n' && encoded[1] == '\r';
    }
}
