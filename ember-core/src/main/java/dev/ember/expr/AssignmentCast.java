package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.time.ZoneId;
import java.util.Set;

/**
 * The cast that writes a value into a table column on INSERT: an ordinary cast whose overflows are
 * reported as Spark reports them for a table ({@code CAST_OVERFLOW_IN_TABLE_INSERT}, naming the column).
 */
public final class AssignmentCast extends UnaryExpression implements TimeZoneAware {
    private static final long serialVersionUID = 1L;
    private static final Set<ErrorClass> OVERFLOWS = Set.of(ErrorClass.CAST_OVERFLOW, ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE);

    private final DataType targetType;
    private final String column;
    private final ZoneId zone;

    public AssignmentCast(Expression child, DataType targetType, String column) {
        this(child, targetType, column, null);
    }

    private AssignmentCast(Expression child, DataType targetType, String column, ZoneId zone) {
        super(child);
        this.targetType = requireNonNull(targetType, "targetType is null");
        this.column = requireNonNull(column, "column is null");
        this.zone = zone;
    }

    @Override
    public boolean needsZone() {
        return zone == null && child.resolved() && Casts.needsTimeZone(child.dataType(), targetType);
    }

    @Override
    public AssignmentCast withZone(ZoneId newZone) {
        return new AssignmentCast(child, targetType, column, newZone);
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new AssignmentCast(newChild, targetType, column, zone);
    }

    @Override
    public DataType dataType() {
        return targetType;
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector value = child.eval(input);
        if (value.type().equals(targetType)) {
            return value;
        }
        try {
            return zone == null ? Casts.cast(value, targetType, child) : Casts.cast(value, targetType, child, zone);
        } catch (EmberException e) {
            if (!OVERFLOWS.contains(e.errorClass())) {
                throw e;
            }
            throw EmberException.of(ErrorClass.CAST_OVERFLOW_IN_TABLE_INSERT, "sourceType", Casts.toSqlType(child.dataType()),
                    "targetType", Casts.toSqlType(targetType), "columnName", "`" + column + "`").withCause(e);
        }
    }

    @Override
    public String toString() {
        return child.toString();
    }
}
