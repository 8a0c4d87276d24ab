package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * {@code date_trunc(unit, ts)}: the timestamp truncated to the start of its year, quarter, month,
 * week (Monday), day, hour, minute, second, millisecond or microsecond, in the session's zone; an
 * unknown unit gives NULL, as in Spark.
 */
public final class DateTrunc extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;

    /** The units, coarsest first; the first four apply to dates ({@code trunc}) too. */
    public enum Unit {
        YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND;

        /** The unit a name means ({@code yyyy}, {@code mm}, {@code mon}, ...), or null. */
        public static Unit named(String name) {
            return switch (name.trim().toUpperCase(Locale.ROOT)) {
                case "YEAR", "YYYY", "YY" -> YEAR;
                case "QUARTER" -> QUARTER;
                case "MONTH", "MM", "MON" -> MONTH;
                case "WEEK" -> WEEK;
                case "DAY", "DD" -> DAY;
                case "HOUR" -> HOUR;
                case "MINUTE" -> MINUTE;
                case "SECOND" -> SECOND;
                case "MILLISECOND" -> MILLISECOND;
                case "MICROSECOND" -> MICROSECOND;
                default -> null;
            };
        }

        public boolean appliesToDates() {
            return ordinal() <= WEEK.ordinal();
        }

        /** The first day of the date's year, quarter, month or week. */
        public LocalDate truncate(LocalDate date) {
            return switch (this) {
                case YEAR -> date.withDayOfYear(1);
                case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
                case MONTH -> date.withDayOfMonth(1);
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                default -> throw new IllegalStateException(this + " does not truncate dates");
            };
        }
    }

    public DateTrunc(Expression unit, Expression timestamp) {
        this(List.of(unit, timestamp), null);
    }

    private DateTrunc(List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
    }

    @Override
    public String name() {
        return "date_trunc";
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new DateTrunc(newArguments, zone);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.STRING, AtomicType.TIMESTAMP);
    }

    @Override
    public DataType dataType() {
        return AtomicType.TIMESTAMP;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        Unit unit = arguments.get(0) instanceof Literal literal && !literal.isNull() ? Unit.named(literal.value().toString()) : null;
        if (unit == null) {
            if (!(arguments.get(0) instanceof Literal)) {
                return evalPerRow(input);
            }
            return new Literal(null, AtomicType.TIMESTAMP).repeat(n);
        }
        LongVector timestamps = (LongVector) arguments.get(1).eval(input);
        long[] in = timestamps.values();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (!timestamps.isNull(i)) {
                out[i] = truncate(in[i], unit);
            }
        }
        return new LongVector(AtomicType.TIMESTAMP, n, out, timestamps.nulls());
    }

    /** A unit that differs by row: rare, so row by row with a fresh lookup. */
    private ColumnVector evalPerRow(Batch input) {
        ColumnVector units = arguments.get(0).eval(input);
        LongVector timestamps = (LongVector) arguments.get(1).eval(input);
        int n = input.rowCount();
        long[] out = new long[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            Unit unit = units.isNull(i) ? null : Unit.named(units.getObject(i).toString());
            nulls[i] = unit == null || timestamps.isNull(i);
            if (!nulls[i]) {
                out[i] = truncate(timestamps.get(i), unit);
            }
        }
        return new LongVector(AtomicType.TIMESTAMP, n, out, nulls);
    }

    /** Below a second the zone does not matter (offsets are whole seconds); above, the wall clock does. */
    private long truncate(long micros, Unit unit) {
        return switch (unit) {
            case MICROSECOND -> micros;
            case MILLISECOND -> micros - Math.floorMod(micros, 1000L);
            case SECOND -> micros - Math.floorMod(micros, Timestamps.MICROS_PER_SECOND);
            case MINUTE -> Timestamps.toMicros(Timestamps.inZone(micros, zone()).truncatedTo(ChronoUnit.MINUTES).toInstant());
            case HOUR -> Timestamps.toMicros(Timestamps.inZone(micros, zone()).truncatedTo(ChronoUnit.HOURS).toInstant());
            case DAY -> Timestamps.toMicros(Timestamps.inZone(micros, zone()).truncatedTo(ChronoUnit.DAYS).toInstant());
            default -> Timestamps.startOfDay(unit.truncate(Timestamps.inZone(micros, zone()).toLocalDate()), zone());
        };
    }
}
