package dev.ember.error;

import java.io.Serializable;

/**
 * A place in a query text: 1-based line, 1-based column, and the text itself so that messages can
 * show the offending line with a caret under it.
 */
public record QueryPosition(int line, int column, String text) implements Serializable {
    public QueryPosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** " (line 1, pos 7)" followed by the query line and a caret, as Spark prints a query context. */
    public String describe() {
        StringBuilder out = new StringBuilder(" (line ").append(line).append(", pos ").append(column - 1).append(')');
        if (text != null) {
            String[] lines = text.split("\r?\n", -1);
            if (line <= lines.length) {
                out.append("\n\n== SQL ==\n").append(lines[line - 1]).append('\n')
                        .append(" ".repeat(column - 1)).append('^');
            }
        }
        return out.toString();
    }
}
