package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/** {@code array(a, b, ...)}: one array per row of the arguments' values, which the analyzer casts to one type. */
public final class CreateArray extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public CreateArray(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "array";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new CreateArray(newArguments);
    }

    @Override
    public DataType dataType() {
        DataType element = arguments.isEmpty() ? AtomicType.NULL : arguments.get(0).dataType();
        return new ArrayType(element, arguments.stream().anyMatch(Expression::nullable));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
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
