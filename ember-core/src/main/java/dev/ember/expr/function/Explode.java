package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import java.util.List;

/**
 * {@code explode(array)} and {@code posexplode(array)}: a generator, one output row per element
 * (column {@code col}, and {@code pos} first for posexplode); of a map, one row per entry (columns
 * {@code key} and {@code value}). Not evaluated as a value: the
 * analyzer turns a select item that holds it into a {@code Generate} node.
 */
public final class Explode extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean withPosition;

    public Explode(Expression argument, boolean withPosition) {
        super(List.of(argument));
        this.withPosition = withPosition;
    }

    public boolean withPosition() {
        return withPosition;
    }

    @Override
    public String name() {
        return withPosition ? "posexplode" : "explode";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Explode(newArguments.get(0), withPosition);
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
