package dev.ember.cli.output;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a result exactly as Spark's {@code Dataset.show(numRows, truncate = false)} does, with
 * every row (like the {@code spark-sql} shell, the CLI neither truncates cells nor cuts rows):
 *
 * <pre>
 * +---+-----+
 * |id |name |
 * +---+-----+
 * |1  |alpha|
 * |2  |NULL |
 * +---+-----+
 * </pre>
 *
 * followed by an empty line, as {@code show()} prints one. Columns are at least three characters
 * wide, cells are left-aligned (Spark right-aligns only when it truncates), East Asian full-width
 * characters count as two columns, and control characters in names and cells are escaped
 * ({@code \n}, {@code \t}, ...) so that the grid stays intact.
 */
final class TablePrinter implements ResultPrinter {
    private static final int MINIMUM_COLUMN_WIDTH = 3;
    /** The ranges Spark's {@code Utils.stringHalfWidth} counts as two columns wide. */
    private static final Pattern FULL_WIDTH = Pattern.compile(
            "[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]");

    private final Writer out;
    private final ValueFormatter formatter;

    TablePrinter(Writer out, ValueFormatter formatter) {
        this.out = requireNonNull(out, "out is null");
        this.formatter = requireNonNull(formatter, "formatter is null");
    }

    @Override
    public void print(StructType schema, List<Row> rows) throws IOException {
        int columns = schema.size();
        String[][] cells = new String[rows.size() + 1][columns];
        for (int column = 0; column < columns; column++) {
            cells[0][column] = escapeMetaCharacters(schema.field(column).name());
        }
        for (int row = 0; row < rows.size(); row++) {
            Row values = rows.get(row);
            for (int column = 0; column < columns; column++) {
                StructField field = schema.field(column);
                cells[row + 1][column] = escapeMetaCharacters(formatter.format(values.get(column), field.dataType()));
            }
        }

        int[] widths = new int[columns];
        for (int column = 0; column < columns; column++) {
            widths[column] = MINIMUM_COLUMN_WIDTH;
            for (String[] line : cells) {
                widths[column] = Math.max(widths[column], displayWidth(line[column]));
            }
        }

        StringBuilder text = new StringBuilder();
        StringBuilder separator = new StringBuilder("+");
        for (int width : widths) {
            separator.append("-".repeat(width)).append('+');
        }
        separator.append('\n');
        text.append(separator);
        appendLine(text, cells[0], widths);
        text.append(separator);
        for (int row = 1; row < cells.length; row++) {
            appendLine(text, cells[row], widths);
        }
        text.append(separator);
        text.append('\n');
        out.write(text.toString());
    }

    private static void appendLine(StringBuilder text, String[] cells, int[] widths) {
        text.append('|');
        for (int column = 0; column < cells.length; column++) {
            String cell = cells[column];
            text.append(cell).append(" ".repeat(widths[column] - displayWidth(cell))).append('|');
        }
        text.append('\n');
    }

    /** The number of terminal columns Spark reserves for {@code text}: its length plus one per full-width character. */
    static int displayWidth(String text) {
        int width = text.length();
        Matcher fullWidth = FULL_WIDTH.matcher(text);
        while (fullWidth.find()) {
            width++;
        }
        return width;
    }

    /** Spark's {@code SchemaUtils.escapeMetaCharacters}: control characters that would break the grid, as escapes. */
    static String escapeMetaCharacters(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\f' -> "\\f";
                case '\b' -> "\\b";
                case '\u000B' -> "\\v";
                case '\u0007' -> "\\a";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
