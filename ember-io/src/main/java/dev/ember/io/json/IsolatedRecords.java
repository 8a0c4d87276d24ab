package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.ember.fs.InputFile;
import dev.ember.io.text.LineReader;
import dev.ember.io.text.SplitInput;
import dev.ember.source.FileSplit;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The records of one split as raw bytes, each parsed on its own: each line of a JSON-lines file
 * (split at any line separator, in any encoding), or with {@code multiLine} the whole file as one
 * record. A record is parsed only when asked, so that a malformed one can be kept verbatim.
 * Records are split at line boundaries only in UTF-8.
 */
final class IsolatedRecords implements JsonRecords {
    private final SplitInput input;
    private final JsonOptions options;
    private final LineReader lines;
    private byte[] bytes;
    private int start;
    private int length;
    private long index;
    private boolean wholeFileTaken;
    private JsonParser parser;

    private IsolatedRecords(SplitInput input, JsonOptions options) {
        this.input = input;
        this.options = options;
        this.lines = options.multiLine ? null : new LineReader(input.stream(), options.lineSeparator);
    }

    static IsolatedRecords open(InputFile file, FileSplit split, JsonOptions options) {
        boolean splittable = !options.multiLine && options.isUtf8();
        return new IsolatedRecords(SplitInput.open(file, split, options.lineSeparator, splittable), options);
    }

    @Override
    public boolean next() {
        try {
            closeParser();
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

    /** A new parser over the current record; callers may close it themselves. */
    @Override
    public JsonParser parser() throws IOException {
        closeParser();
        parser = options.isUtf8() ? options.factory.createParser(bytes, start, length) : options.factory.createParser(text());
        return parser;
    }

    @Override
    public boolean confined() {
        return true;
    }

    @Override
    public boolean isolate() {
        return false;
    }

    @Override
    public String text() {
        return new String(bytes, start, length, options.charset);
    }

    @Override
    public void copyTo(VectorBuilder.StringBuilder out) {
        if (options.isUtf8()) {
            out.appendBytes(bytes, start, length);
        } else {
            byte[] utf8 = text().getBytes(StandardCharsets.UTF_8);
            out.appendBytes(utf8, 0, utf8.length);
        }
    }

    @Override
    public String path() {
        return input.path();
    }

    @Override
    public long line() {
        return lines == null ? 1 : input.linesBefore() + index;
    }

    private void closeParser() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeParser();
        input.close();
    }
}
