package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.stream.Collectors;

/**
 * A function that is another expression under a name of its own ({@code mod(a, b)} is
 * {@code a % b}, {@code equal_null(a, b)} is {@code a <=> b}): it computes exactly what the
 * wrapped expression computes, and is named {@code name(arguments)} as Spark names such calls,
 * the arguments being the wrapped expression's children.
 */
public final class CalledAs extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final String name;

    public CalledAs(String name, Expression replacement) {
        super(replacement);
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new CalledAs(name, newChild);
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        return child.eval(input);
    }

    @Override
    public String toString() {
        return child.children().stream().map(Object::toString).collect(Collectors.joining(", ", name + "(", ")"));
    }
}
