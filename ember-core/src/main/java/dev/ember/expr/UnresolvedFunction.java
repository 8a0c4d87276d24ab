package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.QueryPosition;
import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A call by name ({@code upper(x)}, {@code count(DISTINCT a)}), resolved by the analyzer through
 * the function registry. The parser turns {@code count(*)} into {@code count(1)}, as Spark does.
 */
public final class UnresolvedFunction extends Expression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Expression> arguments;
    private final boolean distinct;
    private final QueryPosition position;

    public UnresolvedFunction(String name, List<Expression> arguments, boolean distinct, QueryPosition position) {
        this.name = requireNonNull(name, "name is null").toLowerCase(Locale.ROOT);
        this.arguments = List.copyOf(arguments);
        this.distinct = distinct;
        this.position = position;
    }

    public static UnresolvedFunction of(String name, Expression... arguments) {
        return new UnresolvedFunction(name, List.of(arguments), false, null);
    }

    /** The lower-case function name. */
    public String name() {
        return name;
    }

    public List<Expression> arguments() {
        return arguments;
    }

    public boolean distinct() {
        return distinct;
    }

    public QueryPosition position() {
        return position;
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new UnresolvedFunction(name, children, distinct, position);
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("unresolved function " + name + " has no type");
    }

    @Override
    public String toString() {
        return arguments.stream().map(Object::toString)
                .collect(Collectors.joining(", ", name + "(" + (distinct ? "DISTINCT " : ""), ")"));
    }
}
