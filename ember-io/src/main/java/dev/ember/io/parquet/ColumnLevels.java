package dev.ember.io.parquet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How the values of one top-level column, a primitive or arrays (of arrays) of a primitive, map to
 * the repetition and definition levels of its single leaf column. For each array depth: from which
 * definition level the array is present (not null), from which it is not empty, and the
 * repetition level of the entries that start its later elements. A leaf value is present at the
 * leaf's maximum definition level.
 */
record ColumnLevels(String[] leafPath, PrimitiveType leaf, int maxDefinition, int[] presentAt, int[] nonEmptyAt, int[] repetition) {
    /** The levels of top-level field {@code name} of {@code schema} ({@code path} names the file in errors). */
    static ColumnLevels of(MessageType schema, String name, String path) {
        List<int[]> arrays = new ArrayList<>();
        List<String> fieldPath = new ArrayList<>(List.of(name));
        Type current = schema.getType(name);
        while (!current.isPrimitive() || current.isRepetition(Type.Repetition.REPEATED)) {
            String[] here = fieldPath.toArray(String[]::new);
            if (current.isRepetition(Type.Repetition.REPEATED)) {
                // A bare repeated field: an array never null, whose elements are the field's values.
                String[] parent = Arrays.copyOf(here, here.length - 1);
                arrays.add(new int[] {schema.getMaxDefinitionLevel(parent), schema.getMaxDefinitionLevel(here), schema.getMaxRepetitionLevel(here)});
                if (current.isPrimitive()) {
                    break;
                }
                current = onlyField(current.asGroupType(), path);
                fieldPath.add(current.getName());
                continue;
            }
            GroupType list = current.asGroupType();
            Type element = ParquetSchemas.listElement(list, path);
            Type repeated = list.getType(0);
            fieldPath.add(repeated.getName());
            String[] repeatedPath = fieldPath.toArray(String[]::new);
            arrays.add(new int[] {schema.getMaxDefinitionLevel(here), schema.getMaxDefinitionLevel(repeatedPath), schema.getMaxRepetitionLevel(repeatedPath)});
            if (element == repeated) {
                // A two-level list: the repeated field holds the elements themselves.
                if (repeated.isPrimitive()) {
                    break;
                }
                current = onlyField(repeated.asGroupType(), path);
            } else {
                current = element;
            }
            fieldPath.add(current.getName());
        }
        String[] leafPath = fieldPath.toArray(String[]::new);
        return new ColumnLevels(leafPath, current.asPrimitiveType(), schema.getMaxDefinitionLevel(leafPath),
                arrays.stream().mapToInt(a -> a[0]).toArray(), arrays.stream().mapToInt(a -> a[1]).toArray(),
                arrays.stream().mapToInt(a -> a[2]).toArray());
    }

    /** The single field of a group that stands for a value; a group of several fields is a struct, which Ember cannot hold. */
    private static Type onlyField(GroupType group, String path) {
        if (group.getFieldCount() != 1) {
            ParquetSchemas.toEmber(group, path);
        }
        return group.getType(0);
    }

    /** How many arrays nest around the leaf values. */
    int depth() {
        return presentAt.length;
    }
}
