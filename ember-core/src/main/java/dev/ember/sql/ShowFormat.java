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
            out.append("only showing top ").append(numRows).append(numRows == 1 ? " row\n" : " rows\n");
        }
        return out.toString();
    }

    /** A value as Spark shows it: NULL, plain decimals, arrays in brackets. */
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
