package dev.ember.expr.window;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.expr.UnaryExpression;
import dev.ember.sql.types.DataType;

/**
 * {@code function OVER name}, as parsed before the query's {@code WINDOW name AS (...)} clause is
 * read; the parser replaces it with the {@link WindowExpression} of that definition.
 */
public final class WindowReference extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final String name;

    public WindowReference(Expression function, String name) {
        super(function);
        this.name = requireNonNull(name, "name is null");
    }

    public String name() {
        return name;
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new WindowReference(newChild, name);
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("window reference " + name + " was not replaced by its definition");
    }

    @Override
    public String toString() {
        return child + " OVER " + name;
    }
}
