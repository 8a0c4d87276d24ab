package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An aggregate ({@code sum(x)}, {@code count(DISTINCT x)}): folds the rows of each group into one
 * value. Aggregation runs in two phases around an exchange: the partial phase folds raw input into
 * an intermediate state ({@link #stateTypes()}), the final phase merges states and produces the
 * result. A distinct aggregate cannot be merged from partial states, so its whole input is
 * exchanged by group and folded once.
 */
public abstract class AggregateFunction extends Expression {
    private static final long serialVersionUID = 1L;

    protected final List<Expression> arguments;
    protected final boolean distinct;

    protected AggregateFunction(List<Expression> arguments, boolean distinct) {
        this.arguments = List.copyOf(arguments);
        this.distinct = distinct;
    }

    public final List<Expression> arguments() {
        return arguments;
    }

    public final boolean distinct() {
        return distinct;
    }

    /** The lower-case name, as in {@code sum(x)}. */
    public abstract String name();

    /** The types of the intermediate state the partial phase emits, one column each. */
    public abstract List<DataType> stateTypes();

    /** The one column the accumulator folds, made of the evaluated arguments; the first argument unless overridden. */
    public ColumnVector input(ColumnVector[] arguments) {
        return arguments[0];
    }

    /** A fresh accumulator for one task. */
    public abstract GroupedAccumulator newAccumulator();

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
        return arguments.stream().map(Object::toString)
                .collect(Collectors.joining(", ", name() + "(" + (distinct ? "DISTINCT " : ""), ")"));
    }
}
