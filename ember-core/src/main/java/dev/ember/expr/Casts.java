package dev.ember.expr;

import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;

/** Conversions between types with Spark's ANSI cast semantics. */
public final class Casts {
    private Casts() {
    }

    /** {@code value} converted to {@code target}; {@code source} is the expression cast, for error messages. */
    public static ColumnVector cast(ColumnVector value, DataType target, Expression source) {
        throw new UnsupportedOperationException("cast from " + value.type() + " to " + target + " is not written yet");
    }

    /** Whether a value of {@code from} can be cast to {@code to} at all. */
    public static boolean canCast(DataType from, DataType to) {
        return true;
    }
}
