package dev.ember.expr.function;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * {@code year(d)}, {@code month(d)}, ... : one calendar field of a date, as an int. A timestamp is
 * first cast to the date it falls on in the session time zone, as Spark does.
 */
public final class DatePart extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Field {
        YEAR(LocalDate::getYear),
        QUARTER(date -> (date.getMonthValue() + 2) / 3),
        MONTH(LocalDate::getMonthValue),
        DAY(LocalDate::getDayOfMonth),
        /** Sunday = 1 ... Saturday = 7. */
        DAYOFWEEK(date -> date.getDayOfWeek().getValue() % 7 + 1),
        /** Monday = 0 ... Sunday = 6. */
        WEEKDAY(date -> date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()),
        DAYOFYEAR(LocalDate::getDayOfYear),
        /** The ISO 8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
        WEEKOFYEAR(date -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

        private final transient ToIntFunction<LocalDate> extractor;

        Field(ToIntFunction<LocalDate> extractor) {
            this.extractor = extractor;
        }
    }

    private final Field field;
    private final String name;

    public DatePart(Field field, String name, Expression date) {
        super(List.of(date));
        this.field = requireNonNull(field, "field is null");
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new DatePart(field, name, newArguments.get(0));
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.DATE);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return AtomicType.INT;
    }

    @Override
    public ColumnVector eval(Batch input) {
        IntVector dates = (IntVector) arguments.get(0).eval(input);
        int n = input.rowCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (!dates.isNull(i)) {
                out[i] = field.extractor.applyAsInt(LocalDate.ofEpochDay(dates.get(i)));
            }
        }
        return new IntVector(AtomicType.INT, n, out, dates.nulls());
    }
}
