package dev.ember.sql.expressions;

import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import dev.ember.expr.window.WindowExpression;
import dev.ember.expr.window.WindowFrame;
import dev.ember.sql.Column;
import dev.ember.sql.functions;
import java.util.Arrays;
import java.util.List;

/**
 * A window for {@link Column#over(WindowSpec)}: how rows are partitioned, ordered and framed, as
 * Spark's {@code WindowSpec}. Immutable; each method returns a new specification.
 */
public final class WindowSpec {
    private final List<Expression> partitionBy;
    private final List<SortOrder> orderBy;
    private final WindowFrame frame;

    WindowSpec(List<Expression> partitionBy, List<SortOrder> orderBy, WindowFrame frame) {
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
        this.frame = frame;
    }

    public WindowSpec partitionBy(String column, String... more) {
        return partitionBy(columns(column, more));
    }

    public WindowSpec partitionBy(Column... columns) {
        return new WindowSpec(Arrays.stream(columns).map(Column::expr).toList(), orderBy, frame);
    }

    public WindowSpec orderBy(String column, String... more) {
        return orderBy(columns(column, more));
    }

    /** Columns sorted ascending unless they say otherwise ({@code col("v").desc()}). */
    public WindowSpec orderBy(Column... columns) {
        List<SortOrder> order = Arrays.stream(columns)
                .map(c -> c.expr() instanceof SortOrder sort ? sort : SortOrder.ascending(c.expr())).toList();
        return new WindowSpec(partitionBy, order, frame);
    }

    /** Rows from {@code start} to {@code end} relative to the current one ({@link Window#unboundedPreceding()}, ...). */
    public WindowSpec rowsBetween(long start, long end) {
        return new WindowSpec(partitionBy, orderBy, new WindowFrame(WindowFrame.Type.ROWS, start, end));
    }

    /** Rows whose ORDER BY value lies from {@code start} to {@code end} away from the current row's (peers included). */
    public WindowSpec rangeBetween(long start, long end) {
        return new WindowSpec(partitionBy, orderBy, WindowFrame.range(start, end));
    }

    /** The function computed over this window. */
    public WindowExpression over(Expression function) {
        return new WindowExpression(function, partitionBy, orderBy, frame);
    }

    private static Column[] columns(String first, String... more) {
        Column[] all = new Column[more.length + 1];
        all[0] = functions.col(first);
        for (int i = 0; i < more.length; i++) {
            all[i + 1] = functions.col(more[i]);
        }
        return all;
    }
}
