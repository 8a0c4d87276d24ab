package dev.ember.expr.function;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * A function that states the type of each argument; the analyzer casts arguments of other types
 * to it where Spark would ({@code year('2024-01-02')} reads the string as a date), and rejects the
 * rest with a type mismatch.
 */
public interface ImplicitCastInputs {
    List<DataType> inputTypes();
}
