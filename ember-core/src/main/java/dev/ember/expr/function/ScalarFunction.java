package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A built-in function of the row's values, named as users call it ({@code upper(x)}). */
public abstract class ScalarFunction extends Expression {
    private static final long serialVersionUID = 1L;

    protected final List<Expression> arguments;

    protected ScalarFunction(List<Expression> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /** The lower-case name users call. */
    public abstract String name();

    protected abstract Expression copy(List<Expression> newArguments);

    public final List<Expression> arguments() {
        return arguments;
    }

    @Override
    public final List<Expression> children() {
        return arguments;
    }

    @Override
    public final Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : copy(children);
    }

    /**
     * This call with the implicit casts its arguments need, as Spark's input-type rules insert
     * them; the analyzer calls it once the arguments are resolved and coerced themselves.
     */
    public Expression coerceArguments() {
        return this;
    }

    protected static Expression castTo(Expression expression, DataType type) {
        return expression.dataType().equals(type) ? expression : new Cast(expression, type);
    }

    /**
     * Argument {@code index} of a numeric function: as is when numeric, a string or NULL as double
     * (Spark's implicit casts), anything else a DATATYPE_MISMATCH error.
     */
    protected final Expression numericArgument(int index) {
        Expression argument = arguments.get(index);
        DataType type = argument.dataType();
        if (type == AtomicType.STRING || type == AtomicType.NULL) {
            return new Cast(argument, AtomicType.DOUBLE);
        }
        if (!type.isNumeric()) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "parameter " + (index + 1) + " requires the \"NUMERIC\" type, however \"" + argument + "\" has the type \""
                            + type.simpleString().toUpperCase(Locale.ROOT) + "\"");
        }
        return argument;
    }

    /** The value of an argument that must be constant (a scale, a group index), or a DATATYPE_MISMATCH error. */
    protected final Object constantArgument(int index, String parameter) {
        Expression argument = arguments.get(index);
        if (!argument.foldable()) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "the input `" + parameter + "` should be a foldable expression; however, got \"" + argument + "\"");
        }
        return argument.eval(new Batch(List.of(), 1)).getObject(0);
    }

    /** Whether any of the vectors is NULL at a row. */
    protected static boolean anyNull(int row, ColumnVector... vectors) {
        for (ColumnVector vector : vectors) {
            if (vector.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean foldable() {
        return arguments.stream().allMatch(Expression::foldable);
    }

    @Override
    public String toString() {
        return arguments.stream().map(Object::toString).collect(Collectors.joining(", ", name() + "(", ")"));
    }
}
