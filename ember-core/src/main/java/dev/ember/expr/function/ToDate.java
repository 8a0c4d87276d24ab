package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.StringVector;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code to_date(s)} (a cast) and {@code to_date(s, pattern)} (parsed with Spark's datetime pattern). */
public final class ToDate extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;

    public ToDate(List<Expression> arguments) {
        this(arguments, null);
    }

    private ToDate(List<Expression> arguments, ZoneId zone) {
        super(arguments, zone);
    }

    @Override
    public String name() {
        return "to_date";
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new ToDate(newArguments, zone);
    }

    @Override
    public DataType dataType() {
        return AtomicType.DATE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        Expression value = arguments.get(0);
        if (arguments.size() == 1 || value.dataType() != AtomicType.STRING) {
            return new Cast(value, AtomicType.DATE).withZone(zone()).eval(input);
        }
        if (!(arguments.get(1) instanceof Literal pattern) || pattern.isNull()) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "to_date with a pattern that is not a constant string");
        }
        DateTimeFormatter formatter = DatetimePatterns.formatter(pattern.value().toString());
        StringVector strings = (StringVector) value.eval(input);
        int n = input.rowCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (!strings.isNull(i)) {
                String text = strings.getString(i);
                try {
                    out[i] = (int) LocalDate.parse(text, formatter).toEpochDay();
                } catch (DateTimeParseException e) {
                    throw EmberException.of(ErrorClass.CANNOT_PARSE_TIMESTAMP, "message", e.getMessage());
                }
            }
        }
        return new IntVector(AtomicType.DATE, n, out, strings.nulls());
    }
}
