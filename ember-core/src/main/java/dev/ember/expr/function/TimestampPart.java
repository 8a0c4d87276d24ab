package dev.ember.expr.function;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/** {@code hour(ts)}, {@code minute(ts)}, {@code second(ts)}: a field of the wall-clock time in the session's zone. */
public final class TimestampPart extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;
    private static final long SECONDS_PER_DAY = 86_400L;

    public enum Field {
        HOUR(3600, 24), MINUTE(60, 60), SECOND(1, 60);

        private final int seconds;
        private final int range;

        Field(int seconds, int range) {
            this.seconds = seconds;
            this.range = range;
        }

        int of(long secondOfDay) {
            return (int) (secondOfDay / seconds % range);
        }
    }

    private final Field field;

    public TimestampPart(Field field, Expression timestamp) {
        this(field, List.of(timestamp), null);
    }

    private TimestampPart(Field field, List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
        this.field = requireNonNull(field, "field is null");
    }

    @Override
    public String name() {
        return field.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new TimestampPart(field, newArguments, zone);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.TIMESTAMP);
    }

    @Override
    public DataType dataType() {
        return AtomicType.INT;
    }

    @Override
    public ColumnVector eval(Batch input) {
        LongVector timestamps = (LongVector) arguments.get(0).eval(input);
        long[] micros = timestamps.values();
        int n = input.rowCount();
        int[] out = new int[n];
        ZoneRules rules = zone().getRules();
        ZoneOffset fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        for (int i = 0; i < n; i++) {
            if (!timestamps.isNull(i)) {
                long seconds = Math.floorDiv(micros[i], Timestamps.MICROS_PER_SECOND);
                ZoneOffset offset = fixed != null ? fixed : rules.getOffset(Instant.ofEpochSecond(seconds));
                out[i] = field.of(Math.floorMod(seconds + offset.getTotalSeconds(), SECONDS_PER_DAY));
            }
        }
        return new IntVector(AtomicType.INT, n, out, timestamps.nulls());
    }
}
