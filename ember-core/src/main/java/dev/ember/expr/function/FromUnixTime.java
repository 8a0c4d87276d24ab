package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.VectorBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code from_unixtime(seconds, pattern)}: seconds since the epoch as text, in the session's zone. */
public final class FromUnixTime extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;

    public FromUnixTime(List<Expression> arguments) {
        this(arguments, null);
    }

    private FromUnixTime(List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
    }

    @Override
    public String name() {
        return "from_unixtime";
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new FromUnixTime(newArguments, zone);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.LONG, AtomicType.STRING);
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        if (!(arguments.get(1) instanceof Literal pattern) || pattern.isNull()) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "from_unixtime with a pattern that is not a constant string");
        }
        DateTimeFormatter formatter = DatetimePatterns.formatter(pattern.value().toString()).withZone(zone());
        LongVector seconds = (LongVector) arguments.get(0).eval(input);
        int n = input.rowCount();
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            out.appendObject(seconds.isNull(i) ? null : formatter.format(Instant.ofEpochSecond(seconds.get(i))));
        }
        return out.build();
    }
}
