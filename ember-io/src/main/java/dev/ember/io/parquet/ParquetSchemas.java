package dev.ember.io.parquet;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/** Parquet schemas and Ember's types, mapped both ways as Spark maps them. */
final class ParquetSchemas {
    /** The name Spark gives the root of the schemas it writes. */
    static final String ROOT_NAME = "spark_schema";

    private ParquetSchemas() {
    }

    // ---- reading

    /** The Ember schema of a file's Parquet schema. @throws EmberException for types Ember cannot hold */
    static StructType toEmber(MessageType schema, String path) {
        List<StructField> fields = new ArrayList<>();
        for (Type field : schema.getFields()) {
            fields.add(new StructField(field.getName(), toEmber(field, path), field.getRepetition() != Type.Repetition.REQUIRED));
        }
        return new StructType(fields);
    }

    static DataType toEmber(Type type, String path) {
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            // An unannotated repeated field is a list of required elements.
            return new ArrayType(toEmberValue(type, path), false);
        }
        return toEmberValue(type, path);
    }

    /** The type of one value of {@code type}, whatever its repetition. */
    private static DataType toEmberValue(Type type, String path) {
        if (type.isPrimitive()) {
            return primitive(type.asPrimitiveType(), path);
        }
        GroupType group = type.asGroupType();
        if (group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            Type element = listElement(group, path);
            return new ArrayType(toEmber(element, path), element.getRepetition() == Type.Repetition.OPTIONAL);
        }
        if (group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || group.getLogicalTypeAnnotation() == LogicalTypeAnnotation.MapKeyValueTypeAnnotation.getInstance()) {
            return map(group, path);
        }
        List<StructField> fields = new ArrayList<>();
        for (Type field : group.getFields()) {
            fields.add(new StructField(field.getName(), toEmber(field, path), field.getRepetition() != Type.Repetition.REQUIRED));
        }
        if (fields.isEmpty()) {
            throw unsupported("reading the empty struct column `" + group.getName() + "`", path);
        }
        return new StructType(fields);
    }

    /** A MAP group: one repeated group of a required key and a value (Spark names them {@code key_value}, {@code key}, {@code value}). */
    private static DataType map(GroupType map, String path) {
        if (map.getFieldCount() != 1 || map.getType(0).isPrimitive() || !map.getType(0).isRepetition(Type.Repetition.REPEATED)
                || map.getType(0).asGroupType().getFieldCount() != 2) {
            throw unsupported("reading the map column `" + map.getName() + "` whose layout is not a Parquet map", path);
        }
        GroupType keyValue = map.getType(0).asGroupType();
        Type key = keyValue.getType(0);
        Type value = keyValue.getType(1);
        return new MapType(toEmber(key, path), toEmber(value, path), value.getRepetition() != Type.Repetition.REQUIRED);
    }

    /**
     * The element of a LIST-annotated group, by Parquet's rules for lists written by old writers: the
     * repeated field itself when it is a primitive or a group of several fields (or named
     * {@code array} or {@code <list>_tuple}), else its single child.
     */
    static Type listElement(GroupType list, String path) {
        if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            throw unsupported("reading the list column `" + list.getName() + "` whose layout is not a Parquet list", path);
        }
        Type repeated = list.getType(0);
        if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() > 1
                || repeated.getName().equals("array") || repeated.getName().equals(list.getName() + "_tuple")) {
            return repeated;
        }
        return repeated.asGroupType().getType(0);
    }

    private static DataType primitive(PrimitiveType type, String path) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return new DecimalType(decimal.getPrecision(), decimal.getScale());
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> AtomicType.BOOLEAN;
            case FLOAT -> AtomicType.FLOAT;
            case DOUBLE -> AtomicType.DOUBLE;
            case INT96 -> AtomicType.TIMESTAMP;
            case INT32 -> {
                if (logical == null) {
                    yield AtomicType.INT;
                }
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    yield AtomicType.DATE;
                }
                if (logical instanceof IntLogicalTypeAnnotation integer) {
                    yield switch (integer.getBitWidth()) {
                        case 8 -> integer.isSigned() ? AtomicType.BYTE : AtomicType.SHORT;
                        case 16 -> integer.isSigned() ? AtomicType.SHORT : AtomicType.INT;
                        default -> integer.isSigned() ? AtomicType.INT : AtomicType.LONG;
                    };
                }
                throw unsupportedType(type, path);
            }
            case INT64 -> {
                if (logical == null) {
                    yield AtomicType.LONG;
                }
                if (logical instanceof IntLogicalTypeAnnotation integer) {
                    yield integer.isSigned() ? AtomicType.LONG : new DecimalType(20, 0);
                }
                if (logical instanceof TimestampLogicalTypeAnnotation timestamp && timestamp.isAdjustedToUTC()
                        && timestamp.getUnit() != TimeUnit.NANOS) {
                    yield AtomicType.TIMESTAMP;
                }
                throw unsupportedType(type, path);
            }
            case BINARY -> logical == null ? AtomicType.BINARY
                    : logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                            || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                            || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? AtomicType.STRING
                    : bsonOrFail(type, path);
            case FIXED_LEN_BYTE_ARRAY -> logical == null ? AtomicType.BINARY : bsonOrFail(type, path);
        };
    }

    private static DataType bsonOrFail(PrimitiveType type, String path) {
        if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
            return AtomicType.BINARY;
        }
        throw unsupportedType(type, path);
    }

    private static EmberException unsupportedType(PrimitiveType type, String path) {
        return unsupported("reading the Parquet type " + type.getPrimitiveTypeName() + " (" + type.getLogicalTypeAnnotation()
                + ") of column `" + type.getName() + "`", path);
    }

    private static EmberException unsupported(String what, String path) {
        return EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", what + " in " + path);
    }

    // ---- writing

    /** The Parquet schema Spark writes for {@code schema}. */
    static MessageType toParquet(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField field : schema.fields()) {
            message.addField(toParquet(field.name(), field.dataType(), field.nullable()));
        }
        return message.named(ROOT_NAME);
    }

    private static Type toParquet(String name, DataType type, boolean nullable) {
        Type.Repetition repetition = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (type instanceof ArrayType array) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(toParquet("element", array.elementType(), array.containsNull())).named("list"))
                    .named(name);
        }
        if (type instanceof MapType map) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup()
                            .addField(toParquet("key", map.keyType(), false))
                            .addField(toParquet("value", map.valueType(), map.valueContainsNull()))
                            .named("key_value"))
                    .named(name);
        }
        if (type instanceof StructType struct) {
            if (struct.size() == 0) {
                throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "writing the empty struct column `" + name + "` as Parquet");
            }
            Types.GroupBuilder<GroupType> group = Types.buildGroup(repetition);
            for (StructField field : struct.fields()) {
                group.addField(toParquet(field.name(), field.dataType(), field.nullable()));
            }
            return group.named(name);
        }
        if (type instanceof DecimalType decimal) {
            LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(decimal.scale(), decimal.precision());
            if (decimal.precision() <= 9) {
                return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
            }
            if (decimal.precision() <= 18) {
                return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
            }
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(decimalBytes(decimal.precision()))
                    .as(annotation).named(name);
        }
        if (type instanceof AtomicType atomic) {
            return switch (atomic) {
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
                case BYTE -> Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.intType(8, true)).named(name);
                case SHORT -> Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.intType(16, true)).named(name);
                case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
                case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
                case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(name);
                case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
                case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType()).named(name);
                case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
                case NULL -> throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "writing the void column `" + name + "` as Parquet");
            };
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature",
                "writing the " + type.simpleString() + " column `" + name + "` as Parquet");
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }
}
