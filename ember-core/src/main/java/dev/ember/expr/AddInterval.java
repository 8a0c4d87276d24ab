package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code date + INTERVAL ...} and {@code timestamp + INTERVAL ...} (a subtraction is the negated
 * interval). Months are added first, clamping the day to the month's last day as Spark's
 * {@code add_months} does ({@code 2024-01-31 + 1 month = 2024-02-29}), then days, then time. A date
 * plus whole months or days stays a date; with a time part the result is a timestamp. Timestamps
 * move by calendar months and days in the session time zone (a day across a DST change is 23 or 25
 * hours), by the time part exactly.
 */
public final class AddInterval extends Expression implements TimeZoneAware {
    private static final long serialVersionUID = 1L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Expression start;
    private final IntervalLiteral interval;
    private final String name;
    /** The session's zone, for timestamp results; null until the analyzer gives it. */
    private final ZoneId zone;

    public AddInterval(Expression start, IntervalLiteral interval, String name) {
        this(start, interval, name, null);
    }

    private AddInterval(Expression start, IntervalLiteral interval, String name, ZoneId zone) {
        this.start = requireNonNull(start, "start is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.name = requireNonNull(name, "name is null");
        this.zone = zone;
    }

    @Override
    public boolean needsZone() {
        return zone == null && dataType() == AtomicType.TIMESTAMP;
    }

    @Override
    public Expression withZone(ZoneId newZone) {
        return new AddInterval(start, interval, name, newZone);
    }

    @Override
    public List<Expression> children() {
        return List.of(start);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(children(), children) ? this : new AddInterval(children.get(0), interval, name, zone);
    }

    @Override
    public DataType dataType() {
        return start.dataType() == AtomicType.DATE && interval.micros() == 0 ? AtomicType.DATE : AtomicType.TIMESTAMP;
    }

    @Override
    public boolean nullable() {
        return start.nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector values = start.eval(input);
        int n = input.rowCount();
        if (dataType() == AtomicType.DATE) {
            IntVector dates = (IntVector) values;
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                if (!dates.isNull(i)) {
                    out[i] = Math.toIntExact(LocalDate.ofEpochDay(dates.get(i)).plusMonths(interval.months()).plusDays(interval.days()).toEpochDay());
                }
            }
            return new IntVector(AtomicType.DATE, n, out, dates.nulls());
        }
        if (zone == null) {
            throw EmberException.internal(name + " has no time zone; the analyzer gives one", null);
        }
        // As Spark: each whole 24 hours of the day-time part is a calendar day ("INTERVAL '24' HOUR" is
        // one day, 23 or 25 hours across a DST change), the rest exact microseconds.
        long days = interval.days() + interval.micros() / MICROS_PER_DAY;
        long micros = interval.micros() % MICROS_PER_DAY;
        long[] out = new long[n];
        boolean fromDate = values.type() == AtomicType.DATE;
        for (int i = 0; i < n; i++) {
            if (values.isNull(i)) {
                continue;
            }
            Instant instant = fromDate
                    ? LocalDate.ofEpochDay(((IntVector) values).get(i)).atStartOfDay(zone).toInstant()
                    : Instant.EPOCH.plus(((LongVector) values).get(i), ChronoUnit.MICROS);
            ZonedDateTime moved = instant.atZone(zone).plusMonths(interval.months()).plusDays(days).plus(micros, ChronoUnit.MICROS);
            out[i] = ChronoUnit.MICROS.between(Instant.EPOCH, moved.toInstant());
        }
        return new LongVector(AtomicType.TIMESTAMP, n, out, values.nulls());
    }

    @Override
    public String toString() {
        return name;
    }
}
