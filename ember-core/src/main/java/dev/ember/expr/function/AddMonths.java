package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.Nulls;
import java.time.LocalDate;
import java.util.List;

/** {@code add_months(d, n)}: n months later, the day clamped to the month's length (Jan 31 + 1 = Feb 28/29). */
public final class AddMonths extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public AddMonths(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "add_months";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new AddMonths(newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.DATE, AtomicType.INT);
    }

    @Override
    public DataType dataType() {
        return AtomicType.DATE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        IntVector dates = (IntVector) arguments.get(0).eval(input);
        IntVector months = (IntVector) arguments.get(1).eval(input);
        int n = input.rowCount();
        boolean[] nulls = Nulls.union(dates, months, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                out[i] = Math.toIntExact(LocalDate.ofEpochDay(dates.get(i)).plusMonths(months.get(i)).toEpochDay());
            }
        }
        return new IntVector(AtomicType.DATE, n, out, nulls);
    }
}
