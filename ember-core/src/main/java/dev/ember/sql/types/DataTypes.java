package dev.ember.sql.types;

import java.util.List;

/** Constants and factories named as in Spark's {@code org.apache.spark.sql.types.DataTypes}. */
public final class DataTypes {
    public static final DataType NullType = AtomicType.NULL;
    public static final DataType BooleanType = AtomicType.BOOLEAN;
    public static final DataType ByteType = AtomicType.BYTE;
    public static final DataType ShortType = AtomicType.SHORT;
    public static final DataType IntegerType = AtomicType.INT;
    public static final DataType LongType = AtomicType.LONG;
    public static final DataType FloatType = AtomicType.FLOAT;
    public static final DataType DoubleType = AtomicType.DOUBLE;
    public static final DataType StringType = AtomicType.STRING;
    public static final DataType BinaryType = AtomicType.BINARY;
    public static final DataType DateType = AtomicType.DATE;
    public static final DataType TimestampType = AtomicType.TIMESTAMP;

    private DataTypes() {
    }

    public static DecimalType createDecimalType(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    public static ArrayType createArrayType(DataType elementType) {
        return new ArrayType(elementType, true);
    }

    public static MapType createMapType(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    public static MapType createMapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
        return new MapType(keyType, valueType, valueContainsNull);
    }

    public static StructField createStructField(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable);
    }

    public static StructType createStructType(List<StructField> fields) {
        return new StructType(fields);
    }
}
