package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code current_date()}: today in the session's time zone. The optimizer folds it into a constant
 * once per query, so every row of a query sees the same day.
 */
public final class CurrentDate extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public CurrentDate() {
        super(List.of());
    }

    @Override
    public String name() {
        return "current_date";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return this;
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
        return new Literal(LocalDate.now(ZoneId.systemDefault()), AtomicType.DATE).eval(input);
    }
}
