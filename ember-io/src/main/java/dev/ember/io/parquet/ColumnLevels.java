package dev.ember.io.parquet;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How the values of one top-level column map to the repetition and definition levels of its leaf
 * columns: a tree that follows the column's Ember type. Every node knows the definition level
 * from which its value is present (not NULL; for a required node, its parent's level, so it is
 * never NULL), and the leaves below it, each of which holds one entry for a NULL or empty value.
 * Arrays and maps are {@link Repeated}: non-empty from another definition level, and their later
 * entries carry the node's repetition level.
 */
sealed interface ColumnLevels {
    /** The definition level from which this value is present. */
    int definition();

    /** The leaf columns below this node, in schema order. */
    List<Leaf> leaves();

    /** A primitive column; {@code index} is its position among the top-level column's leaves. */
    record Leaf(int index, String[] path, PrimitiveType type, DataType valueType, int definition) implements ColumnLevels {
        @Override
        public List<Leaf> leaves() {
            return List.of(this);
        }
    }

    /** A struct: a group whose fields are the struct's fields, in order. */
    record Struct(int definition, List<ColumnLevels> fields, List<Leaf> leaves) implements ColumnLevels {
    }

    /**
     * An array (one entry node, the element) or a map (two, the key and the value): entries are
     * present from definition level {@code nonEmpty}, and entries after the first of a value have
     * repetition level {@code repetition}.
     */
    record Repeated(int definition, int nonEmpty, int repetition, List<ColumnLevels> entry, List<Leaf> leaves)
            implements ColumnLevels {
        boolean isMap() {
            return entry.size() == 2;
        }
    }

    /** The levels of top-level field {@code name} of {@code schema}, read as {@code type} ({@code path} names the file in errors). */
    static ColumnLevels of(MessageType schema, String name, DataType type, String path) {
        return new Builder(schema, path).node(schema.getType(name), new String[] {name}, type, 0);
    }

    /** The first leaf below a node, whose levels tell whether the node is NULL, empty, or has more entries. */
    default Leaf firstLeaf() {
        return leaves().get(0);
    }

    /** Walks the Parquet schema beside the Ember type, numbering leaves in order. */
    final class Builder {
        private final MessageType schema;
        private final String path;
        private int leaves;

        private Builder(MessageType schema, String path) {
            this.schema = schema;
            this.path = path;
        }

        /** The node of field {@code type} at {@code fieldPath}, whose parent is present from {@code parentDefinition}. */
        ColumnLevels node(Type type, String[] fieldPath, DataType emberType, int parentDefinition) {
            int definition = schema.getMaxDefinitionLevel(fieldPath);
            if (type.isRepetition(Type.Repetition.REPEATED)) {
                // A bare repeated field: an array never NULL, whose elements are the field's values.
                ColumnLevels element = value(type, fieldPath, ((ArrayType) emberType).elementType(), definition);
                return repeated(parentDefinition, definition, fieldPath, List.of(element));
            }
            return value(type, fieldPath, emberType, definition);
        }

        /** The node of one value of {@code type}, present from {@code definition}. */
        private ColumnLevels value(Type type, String[] fieldPath, DataType emberType, int definition) {
            if (type.isPrimitive()) {
                return new Leaf(leaves++, fieldPath, type.asPrimitiveType(), emberType, definition);
            }
            GroupType group = type.asGroupType();
            if (emberType instanceof ArrayType array) {
                Type element = ParquetSchemas.listElement(group, path);
                Type repeated = group.getType(0);
                String[] repeatedPath = child(fieldPath, repeated.getName());
                int nonEmpty = schema.getMaxDefinitionLevel(repeatedPath);
                ColumnLevels elementNode = element == repeated
                        ? value(repeated, repeatedPath, array.elementType(), nonEmpty) // two-level list: the repeated field is the element
                        : node(element, child(repeatedPath, element.getName()), array.elementType(), nonEmpty);
                return repeated(definition, nonEmpty, repeatedPath, List.of(elementNode));
            }
            if (emberType instanceof MapType map) {
                GroupType keyValue = group.getType(0).asGroupType();
                String[] keyValuePath = child(fieldPath, keyValue.getName());
                int nonEmpty = schema.getMaxDefinitionLevel(keyValuePath);
                ColumnLevels key = node(keyValue.getType(0), child(keyValuePath, keyValue.getType(0).getName()), map.keyType(), nonEmpty);
                ColumnLevels value = node(keyValue.getType(1), child(keyValuePath, keyValue.getType(1).getName()), map.valueType(), nonEmpty);
                return repeated(definition, nonEmpty, keyValuePath, List.of(key, value));
            }
            StructType struct = (StructType) emberType;
            List<ColumnLevels> fields = new ArrayList<>();
            for (int f = 0; f < struct.size(); f++) {
                Type field = group.getType(f);
                fields.add(node(field, child(fieldPath, field.getName()), struct.field(f).dataType(), definition));
            }
            return new Struct(definition, fields, leavesOf(fields));
        }

        private Repeated repeated(int definition, int nonEmpty, String[] repeatedPath, List<ColumnLevels> entry) {
            return new Repeated(definition, nonEmpty, schema.getMaxRepetitionLevel(repeatedPath), entry, leavesOf(entry));
        }

        private static List<Leaf> leavesOf(List<ColumnLevels> nodes) {
            List<Leaf> all = new ArrayList<>();
            nodes.forEach(node -> all.addAll(node.leaves()));
            return List.copyOf(all);
        }

        private static String[] child(String[] parent, String name) {
            String[] path = Arrays.copyOf(parent, parent.length + 1);
            path[parent.length] = name;
            return path;
        }
    }
}
