package dev.ember.sql;

import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The table {@code show()} prints, laid out as Spark lays it out. */
public final class ShowFormat {
    private ShowFormat() {
    }

    /**
     * @param truncate cells longer than this are cut to {@code truncate - 3} characters and "...";
     *     0 keeps them whole (and left-aligns, as Spark does)
     */
    public static String render(StructType schema, List<Row> rows, int truncate, boolean hasMore, int numRows) {
        int width = schema.size();
        List<String[]> cells = new ArrayList<>();
        cells.add(schema.fieldNames());
        cells.addAll(cellTexts(rows, width, truncate));
        int[] widths = new int[width];
        for (String[] line : cells) {
            for (int c = 0; c < width; c++) {
                widths[c] = Math.max(Math.max(widths[c], 3), line[c].codePointCount(0, line[c].length()));
            }
        }
        StringBuilder out = new StringBuilder();
        String separator = "+" + java.util.Arrays.stream(widths).mapToObj(w -> "-".repeat(w)).collect(Collectors.joining("+")) + "+\n";
        out.append(separator);
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            out.append('|');
            for (int c = 0; c < width; c++) {
                int pad = widths[c] - line[c].codePointCount(0, line[c].length());
                out.append(truncate > 0 ? " ".repeat(pad) + line[c] : line[c] + " ".repeat(pad)).append('|');
            }
            out.append('\n');
            if (l == 0) {
                out.append(separator);
            }
        }
        out.append(separator);
        if (hasMore) {
            out.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
        }
        return out.toString();
    }

    /**
     * The vertical layout of {@code show(n, truncate, true)}: a {@code -RECORD i} header per row,
     * then one {@code  name | value } line per column, names and values padded to their widest.
     */
    public static String renderVertical(StructType schema, List<Row> rows, int truncate, boolean hasMore, int numRows) {
        String[] names = schema.fieldNames();
        List<String[]> cells = cellTexts(rows, names.length, truncate);
        int nameWidth = 3;
        for (String name : names) {
            nameWidth = Math.max(nameWidth, width(name));
        }
        int valueWidth = 3;
        for (String[] line : cells) {
            for (String text : line) {
                valueWidth = Math.max(valueWidth, width(text));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String header = "-RECORD " + r;
            out.append(header).append("-".repeat(Math.max(0, nameWidth + valueWidth + 5 - header.length()))).append('\n');
            for (int c = 0; c < names.length; c++) {
                String value = cells.get(r)[c];
                out.append(' ').append(names[c]).append(" ".repeat(nameWidth - width(names[c])))
                        .append(" | ").append(value).append(" ".repeat(valueWidth - width(value))).append(" \n");
            }
        }
        if (rows.isEmpty()) {
            out.append("(0 rows)");
        } else if (hasMore) {
            out.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
        }
        return out.toString();
    }

    private static List<String[]> cellTexts(List<Row> rows, int width, int truncate) {
        List<String[]> cells = new ArrayList<>();
        for (Row row : rows) {
            String[] line = new String[width];
            for (int c = 0; c < width; c++) {
                String text = cell(row.get(c));
                if (truncate > 0 && text.length() > truncate) {
                    text = truncate < 4 ? text.substring(0, truncate) : text.substring(0, truncate - 3) + "...";
                }
                line[c] = text;
            }
            cells.add(line);
        }
        return cells;
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A value as Spark shows it: NULL, plain decimals, arrays in brackets, structs {@code {1, a}}, maps {@code {k -> v}}. */
    public static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ShowFormat::cell).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Row struct) {
            List<String> fields = new java.util.ArrayList<>();
            for (int f = 0; f < struct.size(); f++) {
                fields.add(cell(struct.get(f)));
            }
            return fields.stream().collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.entrySet().stream().map(e -> cell(e.getKey()) + " -> " + cell(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder("[");
            for (int i = 0; i < bytes.length; i++) {
                hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
            }
            return hex.append(']').toString();
        }
        return value.toString();
    }
}
