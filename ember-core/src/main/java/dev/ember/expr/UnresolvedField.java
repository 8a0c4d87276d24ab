package dev.ember.expr;

import dev.ember.sql.types.DataType;

/**
 * {@code expr.name} on an expression that is not a column name ({@code struct(1 AS a).a},
 * {@code col("s").getField("a")}): the analyzer makes it a {@link GetStructField} once the
 * expression's type is known.
 */
public final class UnresolvedField extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final String name;

    public UnresolvedField(Expression child, String name) {
        super(child);
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new UnresolvedField(newChild, name);
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("unresolved field " + this + " has no type");
    }

    @Override
    public String toString() {
        return child + "." + name;
    }
}
