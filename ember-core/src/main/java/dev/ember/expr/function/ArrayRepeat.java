package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/** {@code array_repeat(element, count)}: the element {@code count} times (none for a count below 1); NULL for a NULL count. */
public final class ArrayRepeat extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public ArrayRepeat(Expression element, Expression count) {
        super(List.of(element, count));
    }

    @Override
    public String name() {
        return "array_repeat";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new ArrayRepeat(newArguments.get(0), newArguments.get(1));
    }

    @Override
    public ArrayType dataType() {
        return new ArrayType(arguments.get(0).dataType(), arguments.get(0).nullable());
    }

    @Override
    public boolean nullable() {
        return arguments.get(1).nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ColumnVector element = arguments.get(0).eval(input);
        IntVector count = (IntVector) arguments.get(1).eval(input);
        VectorBuilder.ArrayBuilder out = (VectorBuilder.ArrayBuilder) VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            if (count.isNull(i)) {
                out.appendNull();
                continue;
            }
            for (int k = 0; k < count.get(i); k++) {
                out.elements().appendFrom(element, i);
            }
            out.endArray();
        }
        return out.build();
    }
}
