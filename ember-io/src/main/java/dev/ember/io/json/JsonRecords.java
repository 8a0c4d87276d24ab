package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.ember.fs.InputFile;
import dev.ember.io.text.LineReader;
import dev.ember.io.text.SplitInput;
import dev.ember.source.FileSplit;
import dev.ember.vector.VectorBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The records of one split as raw bytes: each line of a JSON-lines file, or with {@code multiLine}
 * the whole file as one record. A record is parsed only when asked, so that a malformed one can
 * be kept verbatim. Records are split at line boundaries only in UTF-8.
 */
final class JsonRecords implements Closeable {
    private final SplitInput input;
    private final JsonOptions options;
    private final LineReader lines;
    private byte[] bytes;
    private int start;
    private int length;
    private long index;
    private boolean wholeFileTaken;

    private JsonRecords(SplitInput input, JsonOptions options) {
        this.input = input;
        this.options = options;
        this.lines = options.multiLine ? null : new LineReader(input.stream(), options.lineSeparator);
    }

    static JsonRecords open(InputFile file, FileSplit split, JsonOptions options) {
        boolean splittable = !options.multiLine && options.isUtf8();
        return new JsonRecords(SplitInput.open(file, split, options.lineSeparator, splittable), options);
    }

    /** Moves to the next record; false at the end of the split. */
    boolean next() {
        try {
            if (lines != null) {
                if (!lines.next()) {
                    return false;
                }
                bytes = lines.bytes();
                start = lines.start();
                length = lines.length();
                index++;
                return true;
            }
            if (wholeFileTaken) {
                return false;
            }
            wholeFileTaken = true;
            bytes = input.stream().readAllBytes();
            start = 0;
            length = bytes.length;
            index = 1;
            return length > 0;
        } catch (IOException e) {
            throw SplitInput.ioError("Reading", input.path(), e);
        }
    }

    /** A parser over the current record. */
    JsonParser parser() throws IOException {
        if (options.isUtf8()) {
            return options.factory.createParser(bytes, start, length);
        }
        return options.factory.createParser(text());
    }

    /** The current record's text; invalid bytes become U+FFFD, as Spark shows them. */
    String text() {
        return new String(bytes, start, length, options.charset);
    }

    /** The record's bytes in UTF-8, for the corrupt-record column. */
    void copyTo(VectorBuilder.StringBuilder out) {
        if (options.isUtf8()) {
            out.appendBytes(bytes, start, length);
        } else {
            byte[] utf8 = text().getBytes(StandardCharsets.UTF_8);
            out.appendBytes(utf8, 0, utf8.length);
        }
    }

    String path() {
        return input.path();
    }

    /** The 1-based line of the current record in its file (with {@code multiLine}, where the file starts). */
    long line() {
        return lines == null ? 1 : input.linesBefore() + index;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
