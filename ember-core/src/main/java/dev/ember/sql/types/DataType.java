package dev.ember.sql.types;

import java.io.Serializable;

/**
 * A SQL data type. Types are values: compare them with {@code equals}. The atomic types are the
 * constants of {@link AtomicType}; the parameterized ones are records.
 */
public sealed interface DataType extends Serializable permits AtomicType, DecimalType, ArrayType, MapType, StructType {
    /** The name Spark prints: {@code int}, {@code bigint}, {@code decimal(10,2)}, {@code array<string>}. */
    String simpleString();

    /** The name {@code printSchema} and {@code dtypes} use: {@code integer}, {@code long}, ... */
    default String typeName() {
        return simpleString();
    }

    default boolean isNumeric() {
        return this instanceof DecimalType || (this instanceof AtomicType atomic && atomic.numeric());
    }

    default boolean isIntegral() {
        return this == AtomicType.BYTE || this == AtomicType.SHORT || this == AtomicType.INT || this == AtomicType.LONG;
    }
}
