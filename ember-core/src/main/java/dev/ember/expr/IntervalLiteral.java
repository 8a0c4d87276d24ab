package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;

/**
 * {@code INTERVAL '90' DAY}, {@code INTERVAL '1-6' YEAR TO MONTH}: an amount of months, or of days
 * and microseconds. For now intervals exist only as literals added to or subtracted from dates and
 * timestamps (the analyzer turns {@code d + INTERVAL ...} into {@link AddInterval}); interval
 * columns and interval types come later.
 */
public final class IntervalLiteral extends LeafExpression {
    private static final long serialVersionUID = 1L;

    private final int months;
    private final int days;
    private final long micros;
    private final String text;

    public IntervalLiteral(int months, int days, long micros, String text) {
        this.months = months;
        this.days = days;
        this.micros = micros;
        this.text = requireNonNull(text, "text is null");
    }

    public int months() {
        return months;
    }

    public int days() {
        return days;
    }

    public long micros() {
        return micros;
    }

    public IntervalLiteral negate() {
        return new IntervalLiteral(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros), "-" + text);
    }

    /** The type stands in for Spark's interval types, which Ember does not have yet. */
    @Override
    public DataType dataType() {
        return AtomicType.NULL;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature",
                "interval values other than a literal added to or subtracted from a date or timestamp: " + text);
    }

    @Override
    public String toString() {
        return text;
    }
}
