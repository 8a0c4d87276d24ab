package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/** {@code repeat(str, n)}: the string n times; '' when n is 0 or less. */
public final class Repeat extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public Repeat(Expression string, Expression times) {
        super(List.of(string, times));
    }

    @Override
    public String name() {
        return "repeat";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Repeat(newArguments.get(0), newArguments.get(1));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), AtomicType.STRING), castTo(arguments.get(1), AtomicType.INT)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        IntVector times = (IntVector) arguments.get(1).eval(input);
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, strings, times)) {
                out.appendNull();
            } else {
                out.appendObject(strings.getString(i).repeat(Math.max(0, times.get(i))));
            }
        }
        return out.build();
    }
}
