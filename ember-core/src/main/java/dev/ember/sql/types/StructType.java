package dev.ember.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A row type: an ordered list of fields. Also the schema of every DataFrame. */
public record StructType(List<StructField> fields) implements DataType {
    public StructType {
        fields = List.copyOf(fields);
    }

    public static StructType of(StructField... fields) {
        return new StructType(List.of(fields));
    }

    /** A new schema with one more field, as Spark's {@code StructType.add}. */
    public StructType add(String name, DataType type, boolean nullable) {
        List<StructField> more = new ArrayList<>(fields);
        more.add(new StructField(name, type, nullable));
        return new StructType(more);
    }

    public StructType add(String name, DataType type) {
        return add(name, type, true);
    }

    public int size() {
        return fields.size();
    }

    public StructField field(int index) {
        return fields.get(index);
    }

    public String[] fieldNames() {
        return fields.stream().map(StructField::name).toArray(String[]::new);
    }

    /** Index of the field with this name (case-insensitive, as Spark by default), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String simpleString() {
        return fields.stream().map(f -> f.name() + ":" + f.dataType().simpleString())
                .collect(Collectors.joining(",", "struct<", ">"));
    }

    @Override
    public String typeName() {
        return "struct";
    }

    /** The tree {@code printSchema} prints. */
    public String treeString() {
        StringBuilder out = new StringBuilder("root\n");
        for (StructField field : fields) {
            appendField(out, field.name(), field.dataType(), field.nullable(), 1);
        }
        return out.toString();
    }

    private static void appendField(StringBuilder out, String name, DataType type, boolean nullable, int depth) {
        appendNode(out, name, type, "(nullable = " + nullable + ")", depth);
    }

    /** One line of the tree ({@code name: type suffix}), then the nodes of the type's children, as Spark prints them. */
    private static void appendNode(StringBuilder out, String name, DataType type, String suffix, int depth) {
        String prefix = " |   ".repeat(depth - 1) + " |-- ";
        out.append(prefix).append(name).append(": ").append(type.typeName()).append(suffix.isEmpty() ? "" : " " + suffix).append('\n');
        if (type instanceof StructType struct) {
            for (StructField child : struct.fields()) {
                appendField(out, child.name(), child.dataType(), child.nullable(), depth + 1);
            }
        } else if (type instanceof ArrayType array) {
            appendNode(out, "element", array.elementType(), "(containsNull = " + array.containsNull() + ")", depth + 1);
        } else if (type instanceof MapType map) {
            appendNode(out, "key", map.keyType(), "", depth + 1);
            appendNode(out, "value", map.valueType(), "(valueContainsNull = " + map.valueContainsNull() + ")", depth + 1);
        }
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
