package dev.ember.expr.function;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code current_timestamp()} and {@code now()}: the instant the query started. The optimizer
 * replaces every call of a query with the same constant ({@code ComputeCurrentTime}).
 */
public final class CurrentTimestamp extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final String name;

    public CurrentTimestamp(String name) {
        super(List.of());
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return this;
    }

    @Override
    public DataType dataType() {
        return AtomicType.TIMESTAMP;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    /** The value at {@code now}, to the microsecond. */
    public static Literal at(Instant now) {
        return Literal.of(now.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public ColumnVector eval(Batch input) {
        return at(Instant.now()).eval(input);
    }
}
