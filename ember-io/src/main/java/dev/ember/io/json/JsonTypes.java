package dev.ember.io.json;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Spark's rules for combining the types inferred from JSON values: the types of two records (or
 * two array elements) meet at the narrowest type that holds both, and whatever cannot meet is a
 * string. Structs keep their fields sorted by name.
 */
final class JsonTypes {
    /** Field order of inferred structs: by name, as Java compares strings. */
    static final Comparator<StructField> BY_NAME = Comparator.comparing(StructField::name);
    private static final int MAX_PRECISION = 38;
    /** The decimal type that holds every bigint. */
    private static final DecimalType LONG_DECIMAL = new DecimalType(20, 0);

    private JsonTypes() {
    }

    /** The type that holds values of both types. */
    static DataType compatible(DataType left, DataType right) {
        if (left.equals(right)) {
            return left;
        }
        if (left == AtomicType.NULL) {
            return right;
        }
        if (right == AtomicType.NULL) {
            return left;
        }
        if (isDoubleOrLong(left) && isDoubleOrLong(right)) {
            return AtomicType.DOUBLE;
        }
        if (left == AtomicType.DOUBLE && right instanceof DecimalType || left instanceof DecimalType && right == AtomicType.DOUBLE) {
            return AtomicType.DOUBLE;
        }
        if (left instanceof DecimalType l && right instanceof DecimalType r) {
            int scale = Math.max(l.scale(), r.scale());
            int range = Math.max(l.precision() - l.scale(), r.precision() - r.scale());
            return range + scale > MAX_PRECISION ? AtomicType.DOUBLE : new DecimalType(range + scale, scale);
        }
        if (left == AtomicType.LONG && right instanceof DecimalType) {
            return compatible(LONG_DECIMAL, right);
        }
        if (left instanceof DecimalType && right == AtomicType.LONG) {
            return compatible(left, LONG_DECIMAL);
        }
        if (isDateOrTimestamp(left) && isDateOrTimestamp(right)) {
            return AtomicType.TIMESTAMP;
        }
        if (left instanceof StructType l && right instanceof StructType r) {
            return mergeStructs(l, r);
        }
        if (left instanceof ArrayType l && right instanceof ArrayType r) {
            return new ArrayType(compatible(l.elementType(), r.elementType()), l.containsNull() || r.containsNull());
        }
        return AtomicType.STRING;
    }

    /**
     * The meeting of two records' types. A top-level array holds records; a record that is not an
     * object (a bare number, say) is malformed, which {@code corruptField} decides what to do with.
     */
    static DataType compatibleRoot(DataType left, DataType right, UnaryOperator<StructType> corruptField) {
        if (left instanceof ArrayType array) {
            return compatibleRoot(array.elementType(), right, corruptField);
        }
        if (right instanceof ArrayType array) {
            return compatibleRoot(left, array.elementType(), corruptField);
        }
        if (left instanceof StructType && right == AtomicType.NULL) {
            return left;
        }
        if (left == AtomicType.NULL && right instanceof StructType) {
            return right;
        }
        if (left instanceof StructType struct && !(right instanceof StructType)) {
            return corruptField.apply(struct);
        }
        if (right instanceof StructType struct && !(left instanceof StructType)) {
            return corruptField.apply(struct);
        }
        return compatible(left, right);
    }

    /**
     * Both structs' fields, in name order. Names that differ only in case are one field (SQL names
     * are case-insensitive), spelled as the left struct spells it, of the type both values fit.
     */
    static StructType mergeStructs(StructType left, StructType right) {
        List<StructField> merged = new ArrayList<>(left.fields());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < merged.size(); i++) {
            positions.putIfAbsent(merged.get(i).name().toLowerCase(Locale.ROOT), i);
        }
        boolean added = false;
        for (StructField field : right.fields()) {
            Integer position = positions.get(field.name().toLowerCase(Locale.ROOT));
            if (position == null) {
                positions.put(field.name().toLowerCase(Locale.ROOT), merged.size());
                merged.add(field);
                added = true;
            } else {
                StructField existing = merged.get(position);
                merged.set(position, new StructField(existing.name(), compatible(existing.dataType(), field.dataType()), true));
            }
        }
        if (added) {
            merged.sort(BY_NAME);
        }
        return new StructType(merged);
    }

    /**
     * The type a column finally gets: types seen only as null become strings (or disappear with
     * {@code dropFieldIfAllNull}), and so do arrays of them; structs left without fields disappear.
     */
    static Optional<DataType> canonical(DataType type, boolean dropFieldIfAllNull) {
        if (type == AtomicType.NULL) {
            return dropFieldIfAllNull ? Optional.empty() : Optional.of(AtomicType.STRING);
        }
        if (type instanceof ArrayType array) {
            return canonical(array.elementType(), dropFieldIfAllNull).map(element -> new ArrayType(element, array.containsNull()));
        }
        if (type instanceof StructType struct) {
            List<StructField> fields = new ArrayList<>();
            for (StructField field : struct.fields()) {
                if (!field.name().isEmpty()) {
                    canonical(field.dataType(), dropFieldIfAllNull)
                            .ifPresent(canonical -> fields.add(new StructField(field.name(), canonical, true)));
                }
            }
            return fields.isEmpty() ? Optional.empty() : Optional.of(new StructType(fields));
        }
        return Optional.of(type);
    }

    /** A decimal type for a value, or empty when it needs more than 38 digits (or a negative scale). */
    static Optional<DataType> decimalFor(BigDecimal value) {
        int precision = Math.max(value.precision(), value.scale());
        return precision > MAX_PRECISION || value.scale() < 0 ? Optional.empty() : Optional.of(new DecimalType(precision, value.scale()));
    }

    private static boolean isDoubleOrLong(DataType type) {
        return type == AtomicType.DOUBLE || type == AtomicType.LONG;
    }

    private static boolean isDateOrTimestamp(DataType type) {
        return type == AtomicType.DATE || type == AtomicType.TIMESTAMP;
    }
}
