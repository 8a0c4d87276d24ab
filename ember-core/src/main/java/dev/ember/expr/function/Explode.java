package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import java.util.List;

/**
 * {@code explode(array)} and {@code posexplode(array)}: a generator, one output row per element
 * (column {@code col}, and {@code pos} first for posexplode); of a map, one row per entry (columns
 * {@code key} and {@code value}). The outer forms ({@code explode_outer}) also give one row, of
 * NULLs, for a NULL or empty array or map. Not evaluated as a value: the analyzer turns a select
 * item or a LATERAL VIEW that holds it into a {@code Generate} node.
 */
public final class Explode extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean withPosition;
    private final boolean outer;

    public Explode(Expression argument, boolean withPosition, boolean outer) {
        super(List.of(argument));
        this.withPosition = withPosition;
        this.outer = outer;
    }

    public boolean withPosition() {
        return withPosition;
    }

    /** Whether a NULL or empty input gives one row of NULLs rather than none. */
    public boolean outer() {
        return outer;
    }

    /** This generator in its outer form (LATERAL VIEW OUTER). */
    public Explode asOuter() {
        return outer ? this : new Explode(arguments.get(0), withPosition, true);
    }

    @Override
    public String name() {
        return (withPosition ? "posexplode" : "explode") + (outer ? "_outer" : "");
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Explode(newArguments.get(0), withPosition, outer);
    }

    /** Whether this explodes a map, into columns {@code key} and {@code value}. */
    public boolean ofMap() {
        return arguments.get(0).dataType() instanceof MapType;
    }

    /** The element type: the type of the {@code col} column (of {@code value} for a map). */
    @Override
    public DataType dataType() {
        DataType type = arguments.get(0).dataType();
        return type instanceof MapType map ? map.valueType() : ((ArrayType) type).elementType();
    }

    @Override
    public boolean foldable() {
        return false;
    }
}
