package dev.ember.expr.window;

import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code lag(x[, n[, default]])} and {@code lead(x[, n[, default]])}: x from the row n rows before
 * (after) the current one in the partition, or the default (NULL) when there is no such row.
 */
public final class Offset extends WindowFunction {
    private static final long serialVersionUID = 1L;

    private final boolean lead;
    private final int offset;

    /** Arguments: the value, then the default (a NULL literal when not given). */
    private Offset(boolean lead, int offset, List<Expression> arguments) {
        super(arguments);
        this.lead = lead;
        this.offset = offset;
    }

    public static Offset of(boolean lead, Expression value, int offset, Expression defaultValue) {
        Expression fallback = defaultValue == null ? new Literal(null, value.dataType())
                : defaultValue.dataType().equals(value.dataType()) ? defaultValue : new Cast(defaultValue, value.dataType());
        return new Offset(lead, offset, List.of(value, fallback));
    }

    public Expression value() {
        return arguments.get(0);
    }

    public Expression defaultValue() {
        return arguments.get(1);
    }

    /** Rows after the current one (negative for lag). */
    public int rowOffset() {
        return lead ? offset : -offset;
    }

    @Override
    public String name() {
        return lead ? "lead" : "lag";
    }

    @Override
    public WindowFrame frame() {
        return WindowFrame.offset(rowOffset());
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Offset(lead, offset, children);
    }

    @Override
    public DataType dataType() {
        return value().dataType();
    }

    @Override
    public String toString() {
        return name() + "(" + value() + ", " + offset + ", " + defaultValue() + ")";
    }
}
