package dev.ember.cli.output;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes query results to a character stream in one {@link OutputFormat}.
 *
 * <p>{@link #print} is called once per query result of a script, in statement order, from one
 * thread. It writes the whole result and never flushes or closes the writer: the caller decides
 * when output becomes visible.
 */
public interface ResultPrinter {
    /** Writes one result: the rows hold values in schema order, as the session returned them. */
    void print(StructType schema, List<Row> rows) throws IOException;

    /**
     * A printer of {@code format} writing to {@code out}; timestamps are rendered in {@code timeZone},
     * the session time zone, as Spark renders them.
     */
    static ResultPrinter create(OutputFormat format, Writer out, ZoneId timeZone) {
        requireNonNull(format, "format is null");
        return switch (format) {
            case TABLE -> new TablePrinter(out, new ValueFormatter(ValueFormatter.Style.SHOW, timeZone));
            case CSV -> new CsvPrinter(out, new ValueFormatter(ValueFormatter.Style.CAST, timeZone));
            case JSON -> new JsonPrinter(out, timeZone);
        };
    }
}
