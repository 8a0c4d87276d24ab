package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.MapVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code array(a, b, ...)}: an array of the arguments (the analyzer casts them to their common
 * type); {@code size(array)}: the number of elements, NULL for a NULL array (ANSI).
 */
public final class ArrayFunction extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean size;

    private ArrayFunction(boolean size, List<Expression> arguments) {
        super(arguments);
        this.size = size;
    }

    public static ArrayFunction array(List<Expression> elements) {
        return new ArrayFunction(false, elements);
    }

    public static ArrayFunction size(Expression array) {
        return new ArrayFunction(true, List.of(array));
    }

    /** Whether this builds an array from its arguments, which the analyzer casts to one type. */
    public boolean constructor() {
        return !size;
    }

    @Override
    public String name() {
        return size ? "size" : "array";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new ArrayFunction(size, newArguments);
    }

    @Override
    public Expression coerceArguments() {
        if (size && arguments.get(0).dataType() == AtomicType.NULL) {
            return withNewChildren(List.of(castTo(arguments.get(0), new ArrayType(AtomicType.NULL, true))));
        }
        return this;
    }

    @Override
    public DataType dataType() {
        if (size) {
            return AtomicType.INT;
        }
        DataType element = arguments.isEmpty() ? AtomicType.NULL : arguments.get(0).dataType();
        return new ArrayType(element, arguments.stream().anyMatch(Expression::nullable));
    }

    @Override
    public boolean nullable() {
        return size && arguments.get(0).nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        if (size) {
            ColumnVector container = arguments.get(0).eval(input);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = container instanceof MapVector maps ? maps.length(i) : ((ArrayVector) container).length(i);
            }
            return new IntVector(AtomicType.INT, n, out, container.nulls());
        }
        ColumnVector[] values = new ColumnVector[arguments.size()];
        for (int a = 0; a < values.length; a++) {
            values[a] = arguments.get(a).eval(input);
        }
        VectorBuilder.ArrayBuilder out = (VectorBuilder.ArrayBuilder) VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            for (ColumnVector value : values) {
                out.elements().appendFrom(value, i);
            }
            out.endArray();
        }
        return out.build();
    }
}
