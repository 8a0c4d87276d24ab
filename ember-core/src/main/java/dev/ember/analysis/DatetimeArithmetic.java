package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AddInterval;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.Expression;
import dev.ember.expr.IntervalLiteral;
import dev.ember.expr.function.DateAdd;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.Optional;

/**
 * {@code +} and {@code -} on dates and timestamps: {@code date ± INTERVAL ...} moves the date by the
 * interval, {@code date ± n} by n days ({@code date_add} / {@code date_sub}), as Spark resolves them.
 */
final class DatetimeArithmetic {
    private DatetimeArithmetic() {
    }

    static Optional<Expression> resolve(Arithmetic node) {
        Expression left = node.left();
        Expression right = node.right();
        boolean add = node.operator() == Arithmetic.Operator.ADD;
        boolean subtract = node.operator() == Arithmetic.Operator.SUBTRACT;
        if (!add && !subtract) {
            return Optional.empty();
        }
        if (right instanceof IntervalLiteral interval && datetime(left.dataType())) {
            return Optional.of(new AddInterval(left, subtract ? interval.negate() : interval, name(left, interval, subtract)));
        }
        if (add && left instanceof IntervalLiteral interval && datetime(right.dataType())) {
            return Optional.of(new AddInterval(right, interval, name(right, interval, false)));
        }
        if (left instanceof IntervalLiteral || right instanceof IntervalLiteral) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "interval arithmetic other than date or timestamp "
                    + "plus or minus an interval literal: " + node);
        }
        if (left.dataType() == AtomicType.DATE && right.dataType().isIntegral()) {
            return Optional.of(DateAdd.of(left, right, subtract));
        }
        if (add && left.dataType().isIntegral() && right.dataType() == AtomicType.DATE) {
            return Optional.of(DateAdd.of(right, left, false));
        }
        return Optional.empty();
    }

    /** The column name Spark gives: a date plus days reads as the date_add it becomes. */
    private static String name(Expression start, IntervalLiteral interval, boolean subtract) {
        if (start.dataType() == AtomicType.DATE && interval.months() == 0 && interval.micros() == 0) {
            String days = "extractansiintervaldays(" + interval + ")";
            return "date_add(" + start + ", " + (subtract ? "(- " + days + ")" : days) + ")";
        }
        return start + (subtract ? " - " : " + ") + interval;
    }

    private static boolean datetime(DataType type) {
        return type == AtomicType.DATE || type == AtomicType.TIMESTAMP;
    }
}
