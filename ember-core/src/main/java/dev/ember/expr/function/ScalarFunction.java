package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
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

    /**
     * This call with each argument cast to its declared type where Spark casts implicitly (widening
     * numbers; strings, dates and timestamps to dates and timestamps; anything to string), else a
     * DATATYPE_MISMATCH error. The last type applies to any further arguments.
     */
    protected final Expression withInputTypes(DataType... types) {
        List<Expression> cast = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Expression argument = arguments.get(i);
            DataType type = types[Math.min(i, types.length - 1)];
            if (!implicitlyCastable(argument.dataType(), type)) {
                throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                        "parameter " + (i + 1) + " requires the \"" + type.simpleString().toUpperCase(Locale.ROOT) + "\" type, however \""
                                + argument + "\" has the type \"" + argument.dataType().simpleString().toUpperCase(Locale.ROOT) + "\"");
            }
            cast.add(castTo(argument, type));
        }
        return withNewChildren(cast);
    }

    private static boolean implicitlyCastable(DataType from, DataType to) {
        if (from.equals(to) || from == AtomicType.NULL || from == AtomicType.STRING || to == AtomicType.STRING) {
            return true;
        }
        if (to == AtomicType.DATE || to == AtomicType.TIMESTAMP) {
            return from == AtomicType.DATE || from == AtomicType.TIMESTAMP;
        }
        if (to == AtomicType.DOUBLE) {
            return from.isNumeric();
        }
        if (to instanceof DecimalType) {
            return from.isIntegral() || from instanceof DecimalType;
        }
        // Integers widen: tinyint to smallint to int to bigint.
        return from.isIntegral() && to.isIntegral() && ((AtomicType) from).ordinal() <= ((AtomicType) to).ordinal();
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
