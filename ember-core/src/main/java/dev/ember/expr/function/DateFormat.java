package dev.ember.expr.function;

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
import dev.ember.vector.VectorBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code date_format(d, pattern)}: a date or timestamp as text, in the session's time zone. */
public final class DateFormat extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;

    public DateFormat(List<Expression> arguments) {
        this(arguments, null);
    }

    private DateFormat(List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
    }

    @Override
    public String name() {
        return "date_format";
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new DateFormat(newArguments, zone);
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        if (!(arguments.get(1) instanceof Literal pattern) || pattern.isNull()) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "date_format with a pattern that is not a constant string");
        }
        ZoneId zone = zone();
        DateTimeFormatter formatter = DatetimePatterns.formatter(pattern.value().toString()).withZone(zone);
        ColumnVector values = arguments.get(0).eval(input);
        int n = input.rowCount();
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (values.isNull(i)) {
                out.appendNull();
            } else if (values instanceof IntVector dates) {
                out.appendObject(formatter.format(LocalDate.ofEpochDay(dates.get(i)).atStartOfDay(zone)));
            } else {
                out.appendObject(formatter.format(Instant.EPOCH.plus(((LongVector) values).get(i), ChronoUnit.MICROS)));
            }
        }
        return out.build();
    }
}
