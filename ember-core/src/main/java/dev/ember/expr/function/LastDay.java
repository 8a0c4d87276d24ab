package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** {@code last_day(d)}: the last day of d's month. */
public final class LastDay extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public LastDay(Expression date) {
        super(List.of(date));
    }

    @Override
    public String name() {
        return "last_day";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new LastDay(newArguments.get(0));
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.DATE);
    }

    @Override
    public DataType dataType() {
        return AtomicType.DATE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        IntVector dates = (IntVector) arguments.get(0).eval(input);
        int n = input.rowCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (!dates.isNull(i)) {
                out[i] = (int) LocalDate.ofEpochDay(dates.get(i)).with(TemporalAdjusters.lastDayOfMonth()).toEpochDay();
            }
        }
        return new IntVector(AtomicType.DATE, n, out, dates.nulls());
    }
}
