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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code months_between(end, start[, roundOff])}: whole months when both days of month are equal or
 * both are their month's last day (the time of day ignored); otherwise the month difference plus the
 * rest counted in months of 31 days, each time of day as whole seconds since its local midnight in
 * the session zone. Rounded to 8 decimal places unless roundOff is false.
 */
public final class MonthsBetween extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long SECONDS_PER_MONTH = 31 * SECONDS_PER_DAY;

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
                double months = monthsBetween(ends.get(i), starts.get(i));
                out[i] = roundOff.get(i) ? Math.round(months * 1e8) / 1e8 : months;
            }
        }
        return new DoubleVector(n, out, nulls);
    }

    /** The months from {@code start} to {@code end}, unrounded; times of day count in whole seconds since local midnight. */
    private double monthsBetween(long endMicros, long startMicros) {
        LocalDate end = Timestamps.inZone(endMicros, zone()).toLocalDate();
        LocalDate start = Timestamps.inZone(startMicros, zone()).toLocalDate();
        int months = (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue();
        if (end.getDayOfMonth() == start.getDayOfMonth()
                || (end.getDayOfMonth() == end.lengthOfMonth() && start.getDayOfMonth() == start.lengthOfMonth())) {
            return months;
        }
        long seconds = (end.getDayOfMonth() - start.getDayOfMonth()) * SECONDS_PER_DAY
                + secondsSinceMidnight(endMicros, end) - secondsSinceMidnight(startMicros, start);
        return months + seconds / (double) SECONDS_PER_MONTH;
    }

    private long secondsSinceMidnight(long micros, LocalDate date) {
        return (micros - Timestamps.startOfDay(date, zone())) / Timestamps.MICROS_PER_SECOND;
    }
}
