package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code explode(array)} and {@code posexplode(array)}: a generator, one output row per element
 * (column {@code col}, and {@code pos} first for posexplode). Not evaluated as a value: the
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

    /** The element type: the type of the {@code col} column. */
    @Override
    public DataType dataType() {
        return ((ArrayType) arguments.get(0).dataType()).elementType();
    }

    @Override
    public boolean foldable() {
        return false;
    }
}
