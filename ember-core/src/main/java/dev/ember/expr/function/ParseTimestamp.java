package dev.ember.expr.function;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;

/**
 * {@code to_timestamp(s, pattern)} and {@code unix_timestamp(x, pattern)}: a string parsed with
 * Spark's datetime pattern in the session's zone (unless the pattern reads a zone), a timestamp or
 * a date (its first instant) taken as it is; as a timestamp, or as whole seconds since the epoch.
 * Text that does not match the pattern is {@code CANNOT_PARSE_TIMESTAMP} under ANSI.
 */
public final class ParseTimestamp extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;

    /** Spark's default pattern of {@code unix_timestamp} and {@code from_unixtime}. */
    public static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private final String name;
    private final boolean seconds;

    /** @param seconds whether the result is bigint seconds ({@code unix_timestamp}) rather than a timestamp */
    public ParseTimestamp(String name, boolean seconds, List<Expression> arguments) {
        this(name, seconds, arguments, null);
    }

    private ParseTimestamp(String name, boolean seconds, List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
        this.name = requireNonNull(name, "name is null");
        this.seconds = seconds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new ParseTimestamp(name, seconds, newArguments, zone);
    }

    @Override
    public Expression coerceArguments() {
        DataType type = arguments.get(0).dataType();
        boolean datetime = type == AtomicType.TIMESTAMP || type == AtomicType.DATE;
        return withInputTypes(datetime ? type : AtomicType.STRING, AtomicType.STRING);
    }

    @Override
    public DataType dataType() {
        return seconds ? AtomicType.LONG : AtomicType.TIMESTAMP;
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector values = arguments.get(0).eval(input);
        int n = input.rowCount();
        long[] out = new long[n];
        if (values instanceof StringVector strings) {
            DateTimeFormatter formatter = formatter();
            for (int i = 0; i < n; i++) {
                if (!strings.isNull(i)) {
                    out[i] = parse(strings.getString(i), formatter);
                }
            }
        } else if (values.type() == AtomicType.DATE) {
            IntVector dates = (IntVector) values;
            for (int i = 0; i < n; i++) {
                if (!dates.isNull(i)) {
                    out[i] = Timestamps.startOfDay(LocalDate.ofEpochDay(dates.get(i)), zone());
                }
            }
        } else {
            System.arraycopy(((LongVector) values).values(), 0, out, 0, n);
        }
        if (seconds) {
            // Toward zero, as Spark divides: one microsecond before the epoch is second 0, where CAST(ts AS BIGINT) gives -1.
            for (int i = 0; i < n; i++) {
                out[i] = out[i] / Timestamps.MICROS_PER_SECOND;
            }
        }
        return new LongVector(dataType(), n, out, values.nulls());
    }

    private DateTimeFormatter formatter() {
        if (!(arguments.get(1) instanceof Literal pattern) || pattern.isNull()) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", name + " with a pattern that is not a constant string");
        }
        return DatetimePatterns.formatter(pattern.value().toString());
    }

    /** Fields the pattern leaves out are the start of their unit; a zone in the text wins over the session's. */
    private long parse(String text, DateTimeFormatter formatter) {
        try {
            TemporalAccessor parsed = formatter.parse(text);
            LocalTime time = parsed.query(TemporalQueries.localTime());
            ZoneId zone = parsed.query(TemporalQueries.zone());
            ZonedDateTime dateTime = ZonedDateTime.of(parsed.query(TemporalQueries.localDate()),
                    time == null ? LocalTime.MIDNIGHT : time, zone == null ? zone() : zone);
            return Timestamps.toMicros(dateTime.toInstant());
        } catch (DateTimeException | ArithmeticException | NullPointerException e) {
            throw EmberException.of(ErrorClass.CANNOT_PARSE_TIMESTAMP, "message", e.getMessage());
        }
    }
}
