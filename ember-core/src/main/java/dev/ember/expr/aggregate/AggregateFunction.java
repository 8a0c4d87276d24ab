package dev.ember.expr.aggregate;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An aggregate ({@code sum(x)}, {@code count(DISTINCT x)}): folds the rows of each group into one
 * value. Aggregation runs in two phases around an exchange: the partial phase folds raw input into
 * an intermediate state ({@link #stateTypes()}), the final phase merges states and produces the
 * result. A DISTINCT aggregate's state cannot be merged, so the planner first aggregates by the
 * keys and its arguments, then folds each distinct argument tuple once ({@link Rebound}).
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

    /**
     * The columns the accumulator folds when it needs more than one ({@code max_by(x, ord)}), passed
     * to {@link GroupedAccumulator#update(int[], int, ColumnVector[])}; the one {@link #input} unless overridden.
     */
    public ColumnVector[] inputs(ColumnVector[] arguments) {
        return new ColumnVector[] {input(arguments)};
    }

    /** This call with the implicit casts its arguments need, or a DATATYPE_MISMATCH error; the analyzer calls it once they are resolved. */
    public AggregateFunction coerceArguments() {
        return this;
    }

    /**
     * Argument {@code index}, which must be of {@code type} (NULL and strings are cast to it), else a
     * DATATYPE_MISMATCH error as Spark's input-type check raises.
     */
    protected final Expression argumentOfType(int index, DataType type) {
        Expression argument = arguments.get(index);
        DataType actual = argument.dataType();
        if (actual.equals(type)) {
            return argument;
        }
        if (actual == AtomicType.NULL || actual == AtomicType.STRING) {
            return Cast.implicit(argument, type);
        }
        throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                "parameter " + (index + 1) + " requires the \"" + type.simpleString().toUpperCase(Locale.ROOT) + "\" type, however \""
                        + argument + "\" has the type \"" + actual.simpleString().toUpperCase(Locale.ROOT) + "\"");
    }

    /** A fresh accumulator for one task. */
    public abstract GroupedAccumulator newAccumulator();

    /** Whether the result depends on the order rows are folded in ({@code first}, {@code collect_list}): such a function sees rows in order. */
    public boolean dependsOnInputOrder() {
        return false;
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
        return arguments.stream().map(Object::toString)
                .collect(Collectors.joining(", ", name() + "(" + (distinct ? "DISTINCT " : ""), ")"));
    }
}
