package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.QueryPosition;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A call by name ({@code upper(x)}, {@code count(DISTINCT a)}, {@code sum(a) FILTER (WHERE b)}),
 * resolved by the analyzer through the function registry. The parser turns {@code count(*)} into
 * {@code count(1)}, as Spark does.
 */
public final class UnresolvedFunction extends Expression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Expression> arguments;
    private final boolean distinct;
    /** The condition of a {@code FILTER (WHERE ...)} clause, or null. */
    private final Expression filter;
    private final QueryPosition position;

    public UnresolvedFunction(String name, List<Expression> arguments, boolean distinct, QueryPosition position) {
        this(name, arguments, distinct, null, position);
    }

    private UnresolvedFunction(String name, List<Expression> arguments, boolean distinct, Expression filter, QueryPosition position) {
        this.name = requireNonNull(name, "name is null").toLowerCase(Locale.ROOT);
        this.arguments = List.copyOf(arguments);
        this.distinct = distinct;
        this.filter = filter;
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

    /** This call feeding only the rows where {@code condition} is true to the aggregate it names: {@code FILTER (WHERE condition)}. */
    public UnresolvedFunction withFilter(Expression condition) {
        return new UnresolvedFunction(name, arguments, distinct, requireNonNull(condition, "condition is null"), position);
    }

    /** The condition of the call's FILTER clause, or null. */
    public Expression filter() {
        return filter;
    }

    public QueryPosition position() {
        return position;
    }

    /** The arguments, then the FILTER condition if there is one. */
    @Override
    public List<Expression> children() {
        if (filter == null) {
            return arguments;
        }
        List<Expression> children = new ArrayList<>(arguments);
        children.add(filter);
        return children;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        if (sameChildren(children(), children)) {
            return this;
        }
        return filter == null ? new UnresolvedFunction(name, children, distinct, position)
                : new UnresolvedFunction(name, children.subList(0, arguments.size()), distinct, children.get(arguments.size()), position);
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
        String call = arguments.stream().map(Object::toString)
                .collect(Collectors.joining(", ", name + "(" + (distinct ? "DISTINCT " : ""), ")"));
        return filter == null ? call : call + " FILTER (WHERE " + filter + ")";
    }
}
