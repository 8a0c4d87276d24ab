package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code current_date()}: today in the session's time zone. The optimizer replaces it with a
 * constant once per query ({@code ComputeCurrentTime}), so every row of a query sees the same day.
 */
public final class CurrentDate extends TimeZoneAwareFunction {
    private static final long serialVersionUID = 1L;

    public CurrentDate() {
        this(null);
    }

    private CurrentDate(ZoneId zone) {
        super(List.of(), zone);
    }

    /** Today in this function's zone at {@code now}: the optimizer gives every call in a query the same instant. */
    public Literal at(Instant now) {
        return new Literal(LocalDate.ofInstant(now, zone()), AtomicType.DATE);
    }

    @Override
    public String name() {
        return "current_date";
    }

    @Override
    protected Expression copy(List<Expression> newArguments, ZoneId zone) {
        return new CurrentDate(zone);
    }

    @Override
    public DataType dataType() {
        return AtomicType.DATE;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        return at(Instant.now()).eval(input);
    }
}
