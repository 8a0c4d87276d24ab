package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.Nulls;
import java.util.List;

/** {@code datediff(end, start)}: the number of days from start to end. */
public final class DateDiff extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public DateDiff(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "datediff";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new DateDiff(newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.DATE, AtomicType.DATE);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return AtomicType.INT;
    }

    @Override
    public ColumnVector eval(Batch input) {
        IntVector end = (IntVector) arguments.get(0).eval(input);
        IntVector start = (IntVector) arguments.get(1).eval(input);
        int n = input.rowCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = end.get(i) - start.get(i);
        }
        return new IntVector(AtomicType.INT, n, out, Nulls.union(end, start, n));
    }
}
