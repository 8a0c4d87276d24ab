package dev.ember.sql.expressions;

import dev.ember.expr.window.WindowFrame;
import dev.ember.sql.Column;
import java.util.List;

/**
 * Builds window specifications, as Spark's {@code Window}:
 * {@code Window.partitionBy("k").orderBy(col("v").desc()).rowsBetween(Window.unboundedPreceding(), Window.currentRow())}.
 */
public final class Window {
    private static final WindowSpec EMPTY = new WindowSpec(List.of(), List.of(), null);

    private Window() {
    }

    public static WindowSpec partitionBy(String column, String... more) {
        return EMPTY.partitionBy(column, more);
    }

    public static WindowSpec partitionBy(Column... columns) {
        return EMPTY.partitionBy(columns);
    }

    public static WindowSpec orderBy(String column, String... more) {
        return EMPTY.orderBy(column, more);
    }

    public static WindowSpec orderBy(Column... columns) {
        return EMPTY.orderBy(columns);
    }

    public static WindowSpec rowsBetween(long start, long end) {
        return EMPTY.rowsBetween(start, end);
    }

    public static WindowSpec rangeBetween(long start, long end) {
        return EMPTY.rangeBetween(start, end);
    }

    public static long unboundedPreceding() {
        return WindowFrame.UNBOUNDED_PRECEDING;
    }

    public static long unboundedFollowing() {
        return WindowFrame.UNBOUNDED_FOLLOWING;
    }

    public static long currentRow() {
        return WindowFrame.CURRENT_ROW;
    }
}
