package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code trunc(date, unit)}: the first day of the date's year, quarter, month or week; any other
 * unit (even {@code day}) gives NULL, as in Spark.
 */
public final class TruncDate extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public TruncDate(Expression date, Expression unit) {
        super(List.of(date, unit));
    }

    private TruncDate(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "trunc";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new TruncDate(newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.DATE, AtomicType.STRING);
    }

    @Override
    public DataType dataType() {
        return AtomicType.DATE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        IntVector dates = (IntVector) arguments.get(0).eval(input);
        ColumnVector units = arguments.get(1).eval(input);
        int n = input.rowCount();
        DateTrunc.Unit constant = arguments.get(1) instanceof Literal ? unit(units, 0) : null;
        int[] out = new int[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            DateTrunc.Unit unit = constant != null ? constant : unit(units, i);
            nulls[i] = unit == null || dates.isNull(i);
            if (!nulls[i]) {
                out[i] = (int) unit.truncate(LocalDate.ofEpochDay(dates.get(i))).toEpochDay();
            }
        }
        return new IntVector(AtomicType.DATE, n, out, nulls);
    }

    private static DateTrunc.Unit unit(ColumnVector units, int row) {
        if (row >= units.size() || units.isNull(row)) {
            return null;
        }
        DateTrunc.Unit unit = DateTrunc.Unit.named(units.getObject(row).toString());
        return unit != null && unit.appliesToDates() ? unit : null;
    }
}
