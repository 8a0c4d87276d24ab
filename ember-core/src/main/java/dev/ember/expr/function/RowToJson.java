package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * The JSON text of each row's columns, as Spark's {@code toJSON} writes it: an object of the
 * non-NULL fields in column order; dates as {@code yyyy-MM-dd}, timestamps as
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the session time zone, binary as base64, numbers as
 * Java prints them (decimals with {@code BigDecimal.toString}, as Jackson writes them).
 */
public final class RowToJson extends ScalarFunction {
    private static final long serialVersionUID = 1L;
    private static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private final List<String> names;
    private final ZoneId timeZone;

    public RowToJson(List<Expression> columns, List<String> names, ZoneId timeZone) {
        super(columns);
        if (columns.size() != names.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + names.size() + " names");
        }
        this.names = List.copyOf(names);
        this.timeZone = timeZone;
    }

    @Override
    public String name() {
        return "to_json";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new RowToJson(newArguments, names, timeZone);
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ColumnVector[] columns = new ColumnVector[arguments.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = arguments.get(c).eval(input);
        }
        DateTimeFormatter timestamps = DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN).withZone(timeZone);
        VectorBuilder.StringBuilder out = (VectorBuilder.StringBuilder) VectorBuilder.create(AtomicType.STRING, n);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < n; r++) {
            text.setLength(0);
            text.append('{');
            boolean first = true;
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].isNull(r)) {
                    continue;
                }
                if (!first) {
                    text.append(',');
                }
                first = false;
                appendString(text, names.get(c));
                text.append(':');
                appendValue(text, columns[c].getObject(r), timestamps);
            }
            out.append(text.append('}').toString());
        }
        return out.build();
    }

    private static void appendValue(StringBuilder text, Object value, DateTimeFormatter timestamps) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof String string) {
            appendString(text, string);
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            appendString(text, value.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value instanceof BigDecimal decimal ? decimal.toString() : value.toString());
        } else if (value instanceof Instant instant) {
            appendString(text, timestamps.format(instant));
        } else if (value instanceof byte[] bytes) {
            appendString(text, Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ",");
                appendValue(text, list.get(i), timestamps);
            }
            text.append(']');
        } else {
            appendString(text, value.toString());
        }
    }

    /** A JSON string literal, escaped as Jackson escapes: quotes, backslashes and control characters. */
    private static void appendString(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04X", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
