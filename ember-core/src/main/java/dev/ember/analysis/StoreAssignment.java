package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AssignmentCast;
import dev.ember.expr.Casts;
import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;

/**
 * Which values an INSERT may write into a table column, under Spark's default
 * {@code spark.sql.storeAssignmentPolicy=ANSI}: numbers into numbers (overflow fails at run time),
 * anything atomic into strings, dates and timestamps into each other, collections element-wise.
 * A string is not written into a number or a date, nor a boolean into a number: those fail at analysis.
 */
public final class StoreAssignment {
    private StoreAssignment() {
    }

    /** The value as written into the column, or {@code INCOMPATIBLE_DATA_FOR_TABLE} when ANSI store assignment refuses it. */
    public static Expression assign(Expression value, StructField column, String tableName) {
        DataType from = value.dataType();
        DataType to = column.dataType();
        if (from.equals(to)) {
            return value;
        }
        if (!allowed(from, to)) {
            throw EmberException.of(ErrorClass.INCOMPATIBLE_DATA_FOR_TABLE, "tableName", tableName,
                    "detail", "Cannot safely cast `" + column.name() + "` " + Casts.toSqlType(from) + " to " + Casts.toSqlType(to));
        }
        return new AssignmentCast(value, to, column.name());
    }

    static boolean allowed(DataType from, DataType to) {
        if (from.equals(to) || from == AtomicType.NULL) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if (to == AtomicType.STRING) {
            return !(from instanceof ArrayType || from instanceof MapType || from instanceof StructType);
        }
        if (datetime(from) && datetime(to)) {
            return true;
        }
        if (from instanceof ArrayType fromArray && to instanceof ArrayType toArray) {
            return (toArray.containsNull() || !fromArray.containsNull()) && allowed(fromArray.elementType(), toArray.elementType());
        }
        if (from instanceof MapType fromMap && to instanceof MapType toMap) {
            return (toMap.valueContainsNull() || !fromMap.valueContainsNull())
                    && allowed(fromMap.keyType(), toMap.keyType()) && allowed(fromMap.valueType(), toMap.valueType());
        }
        if (from instanceof StructType fromStruct && to instanceof StructType toStruct && fromStruct.size() == toStruct.size()) {
            for (int i = 0; i < fromStruct.size(); i++) {
                StructField source = fromStruct.field(i);
                StructField target = toStruct.field(i);
                if (source.nullable() && !target.nullable() || !allowed(source.dataType(), target.dataType())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean datetime(DataType type) {
        return type == AtomicType.DATE || type == AtomicType.TIMESTAMP;
    }
}
