package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.Nulls;
import java.util.List;

/** {@code date_add(d, n)} and {@code date_sub(d, n)}: the date n days later (earlier). */
public final class DateAdd extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean subtract;

    private DateAdd(List<Expression> arguments, boolean subtract) {
        super(arguments);
        this.subtract = subtract;
    }

    public static DateAdd of(Expression date, Expression days, boolean subtract) {
        return new DateAdd(List.of(date, days), subtract);
    }

    @Override
    public String name() {
        return subtract ? "date_sub" : "date_add";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new DateAdd(newArguments, subtract);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.DATE, AtomicType.INT);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return AtomicType.DATE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        IntVector dates = (IntVector) arguments.get(0).eval(input);
        IntVector days = (IntVector) arguments.get(1).eval(input);
        int n = input.rowCount();
        int[] out = new int[n];
        boolean[] nulls = Nulls.union(dates, days, n);
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                out[i] = subtract ? Math.subtractExact(dates.get(i), days.get(i)) : Math.addExact(dates.get(i), days.get(i));
            }
        }
        return new IntVector(AtomicType.DATE, n, out, nulls);
    }
}
