package dev.ember.io.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.ember.fs.InputFile;
import dev.ember.io.text.LineSeparator;
import dev.ember.source.FileSplit;
import dev.ember.vector.VectorBuilder;
import java.io.Closeable;
import java.io.IOException;

/**
 * The JSON records of one split, each handed out as a parser over it. A record is one line, or
 * with {@code multiLine} the whole file. The reader reads a record from {@link #parser()}; when it
 * read cleanly it asks {@link #confined()}, and when anything was wrong it may have to read it again
 * from the parser {@link #isolate()} gives, which sees the record's line and nothing else.
 */
interface JsonRecords extends Closeable {
    /**
     * {@link StreamedLines} where Jackson can read the lines as one stream and the line ends agree
     * with its own (UTF-8, the default line separators, nothing that hides a line end from it), else
     * {@link IsolatedRecords}.
     */
    static JsonRecords open(InputFile file, FileSplit split, JsonOptions options) {
        boolean streamable = !options.multiLine && options.isUtf8() && options.lineSeparator == LineSeparator.ANY
                && !options.allowComments && !options.allowUnquotedControlChars && !options.allowBackslashEscapingAnyCharacter;
        return streamable ? StreamedLines.open(file, split, options) : IsolatedRecords.open(file, split, options);
    }

    /** Moves to the next record; false at the end of the split. */
    boolean next();

    /** A parser positioned before the current record's first token, owned by this object. */
    JsonParser parser() throws IOException;

    /**
     * After the record was read from {@link #parser()} without a problem: whether it ended on its
     * own line. False means it ran on into the next line, and must be read again from {@link #isolate()}.
     */
    boolean confined() throws IOException;

    /**
     * Makes {@link #parser()} a new parser over the current record alone, to read it again as if it
     * had been parsed on its own; false when it already was, and reading it again would not change a thing.
     */
    boolean isolate() throws IOException;

    /** The current record's text; invalid bytes become U+FFFD, as Spark shows them. */
    String text();

    /** The record's bytes in UTF-8, for the corrupt-record column. */
    void copyTo(VectorBuilder.StringBuilder out);

    String path();

    /** The 1-based line of the current record in its file (with {@code multiLine}, where the file starts). */
    long line();
}
