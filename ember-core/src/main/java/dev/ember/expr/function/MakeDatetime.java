package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code make_date(year, month, day)} and {@code make_timestamp(year, month, day, hour, min, sec[, zone])}:
 * a date, or the instant of a wall-clock time in the session's zone (or the zone given). Seconds
 * are decimal(16,6); 60 with no fraction is the next minute, as in Spark. Fields out of range are
 * {@code DATETIME_FIELD_OUT_OF_BOUNDS} under ANSI.
 */
public final class MakeDatetime extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;
    private static final DecimalType SECONDS = new DecimalType(16, 6);

    private final boolean timestamp;

    public static MakeDatetime date(List<Expression> arguments) {
        return new MakeDatetime(false, arguments, null);
    }

    public static MakeDatetime timestamp(List<Expression> arguments) {
        return new MakeDatetime(true, arguments, null);
    }

    private MakeDatetime(boolean timestamp, List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
        this.timestamp = timestamp;
    }

    @Override
    public String name() {
        return timestamp ? "make_timestamp" : "make_date";
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new MakeDatetime(timestamp, newArguments, zone);
    }

    @Override
    public Expression coerceArguments() {
        if (!timestamp) {
            return withInputTypes(AtomicType.INT);
        }
        return withInputTypes(AtomicType.INT, AtomicType.INT, AtomicType.INT, AtomicType.INT, AtomicType.INT, SECONDS, AtomicType.STRING);
    }

    @Override
    public DataType dataType() {
        return timestamp ? AtomicType.TIMESTAMP : AtomicType.DATE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ColumnVector[] fields = new ColumnVector[arguments.size()];
        for (int a = 0; a < fields.length; a++) {
            fields[a] = arguments.get(a).eval(input);
        }
        int[] dates = new int[n];
        long[] timestamps = new long[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = anyNull(i, fields);
            if (nulls[i]) {
                continue;
            }
            try {
                LocalDate date = LocalDate.of(intAt(fields[0], i), intAt(fields[1], i), intAt(fields[2], i));
                if (timestamp) {
                    timestamps[i] = instant(date, fields, i);
                } else {
                    dates[i] = (int) date.toEpochDay();
                }
            } catch (DateTimeException | ArithmeticException e) {
                throw EmberException.of(ErrorClass.DATETIME_FIELD_OUT_OF_BOUNDS, "rangeMessage", e.getMessage());
            }
        }
        return timestamp ? new LongVector(AtomicType.TIMESTAMP, n, timestamps, nulls) : new IntVector(AtomicType.DATE, n, dates, nulls);
    }

    private long instant(LocalDate date, ColumnVector[] fields, int i) {
        BigDecimal seconds = ((DecimalVector) fields[5]).get(i);
        int wholeSeconds = seconds.intValue();
        int micros = seconds.subtract(BigDecimal.valueOf(wholeSeconds)).movePointRight(6).intValueExact();
        boolean nextMinute = wholeSeconds == 60 && micros == 0;
        LocalDateTime local = date.atTime(intAt(fields[3], i), intAt(fields[4], i), nextMinute ? 0 : wholeSeconds, micros * 1000);
        if (nextMinute) {
            local = local.plusMinutes(1);
        }
        ZoneId zone = fields.length > 6 ? ZoneId.of(((StringVector) fields[6]).getString(i), ZoneId.SHORT_IDS) : zone();
        return Timestamps.toMicros(local.atZone(zone).toInstant());
    }

    private static int intAt(ColumnVector vector, int row) {
        return ((IntVector) vector).get(row);
    }
}
