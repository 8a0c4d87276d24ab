package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.Nulls;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code months_between(end, start[, roundOff])}: whole months when both days of month are equal or
 * both are their month's last day (the time of day ignored); otherwise the month difference plus the
 * rest counted in months of 31 days, with the wall-clock times in the session zone. Rounded to 8
 * decimal places unless roundOff is false.
 */
public final class MonthsBetween extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;
    private static final double MICROS_PER_DAY = 86_400_000_000D;
    private static final double MICROS_PER_MONTH = 31 * MICROS_PER_DAY;

    public MonthsBetween(List<Expression> arguments) {
        this(arguments, null);
    }

    private MonthsBetween(List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
    }

    @Override
    public String name() {
        return "months_between";
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new MonthsBetween(newArguments, zone);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.TIMESTAMP, AtomicType.TIMESTAMP, AtomicType.BOOLEAN);
    }

    @Override
    public DataType dataType() {
        return AtomicType.DOUBLE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        LongVector ends = (LongVector) arguments.get(0).eval(input);
        LongVector starts = (LongVector) arguments.get(1).eval(input);
        BooleanVector roundOff = (BooleanVector) arguments.get(2).eval(input);
        boolean[] nulls = Nulls.union(ends, starts, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (roundOff.isNull(i)) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            }
            if (nulls == null || !nulls[i]) {
                double months = monthsBetween(wallClock(ends.get(i)), wallClock(starts.get(i)));
                out[i] = roundOff.get(i) ? Math.round(months * 1e8) / 1e8 : months;
            }
        }
        return new DoubleVector(n, out, nulls);
    }

    private LocalDateTime wallClock(long micros) {
        return LocalDateTime.ofInstant(Timestamps.toInstant(micros), zone());
    }

    static double monthsBetween(LocalDateTime end, LocalDateTime start) {
        int months = (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue();
        int endDay = end.getDayOfMonth();
        int startDay = start.getDayOfMonth();
        if (endDay == startDay || (endDay == end.toLocalDate().lengthOfMonth() && startDay == start.toLocalDate().lengthOfMonth())) {
            return months;
        }
        double rest = (endDay - startDay) * MICROS_PER_DAY + microsOfDay(end) - microsOfDay(start);
        return months + rest / MICROS_PER_MONTH;
    }

    private static double microsOfDay(LocalDateTime time) {
        return time.toLocalTime().toNanoOfDay() / 1000;
    }
}
