package dev.ember.cli.output;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Prints a result as CSV: a header line with the column names, then one record per row, fields
 * quoted as RFC 4180 asks (when they contain a comma, a double quote, CR or LF; quotes doubled).
 * Values are written as Spark's {@code CAST(x AS STRING)} renders them. A null is an empty field
 * and an empty string a quoted empty field {@code ""}, as Spark's CSV writer does, so the two stay
 * apart. Lines end with LF, the Unix convention (and Spark's CSV writer's default).
 */
final class CsvPrinter implements ResultPrinter {
    private final Writer out;
    private final ValueFormatter formatter;

    CsvPrinter(Writer out, ValueFormatter formatter) {
        this.out = requireNonNull(out, "out is null");
        this.formatter = requireNonNull(formatter, "formatter is null");
    }

    @Override
    public void print(StructType schema, List<Row> rows) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < schema.size(); column++) {
            if (column > 0) {
                line.append(',');
            }
            appendField(line, schema.field(column).name());
        }
        out.write(line.append('\n').toString());
        for (Row row : rows) {
            line.setLength(0);
            for (int column = 0; column < schema.size(); column++) {
                if (column > 0) {
                    line.append(',');
                }
                appendField(line, formatter.format(row.get(column), schema.field(column).dataType()));
            }
            out.write(line.append('\n').toString());
        }
    }

    /** Appends one field; {@code null} is written as nothing at all. */
    static void appendField(StringBuilder line, String value) {
        if (value == null) {
            return;
        }
        if (!value.isEmpty() && !needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
