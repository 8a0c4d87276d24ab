package dev.ember.expr.window;

import dev.ember.expr.Expression;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A function that only exists over a window ({@code row_number()}, {@code rank()}, {@code lag(x)}):
 * it is computed by the window operator from a partition's sorted rows, never row by row.
 */
public abstract class WindowFunction extends Expression {
    private static final long serialVersionUID = 1L;

    protected final List<Expression> arguments;

    protected WindowFunction(List<Expression> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    public abstract String name();

    /** The frame this function always uses, whatever the OVER clause says. */
    public abstract WindowFrame frame();

    /** Whether the function needs an ORDER BY in its window (ranking and offset functions do). */
    public boolean requiresOrder() {
        return true;
    }

    @Override
    public final List<Expression> children() {
        return arguments;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return arguments.stream().map(Object::toString).collect(Collectors.joining(", ", name() + "(", ")"));
    }
}
