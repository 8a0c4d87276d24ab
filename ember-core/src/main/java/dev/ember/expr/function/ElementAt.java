package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.MapVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;
import java.util.Locale;

/**
 * An element of an array: {@code array[i]} counts from 0, {@code element_at(array, i)} from 1 and
 * from the end when negative. An index outside the array is an error (ANSI). Of a map, the value of a key.
 */
public final class ElementAt extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean subscript;

    /** @param subscript {@code array[index]} rather than {@code element_at(array, index)} */
    public ElementAt(Expression array, Expression index, boolean subscript) {
        super(List.of(array, index));
        this.subscript = subscript;
    }

    /** Whether this was written {@code container[key]}. */
    public boolean subscript() {
        return subscript;
    }

    @Override
    public String name() {
        return "element_at";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new ElementAt(newArguments.get(0), newArguments.get(1), subscript);
    }

    @Override
    public Expression coerceArguments() {
        DataType type = arguments.get(0).dataType();
        if (type instanceof MapType map) {
            return withNewChildren(List.of(arguments.get(0), castTo(arguments.get(1), map.keyType())));
        }
        if (!(type instanceof ArrayType)) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "parameter 1 requires the \"ARRAY\" type, however \"" + arguments.get(0) + "\" has the type \""
                            + type.simpleString().toUpperCase(Locale.ROOT) + "\"");
        }
        return withNewChildren(List.of(arguments.get(0), castTo(arguments.get(1), AtomicType.INT)));
    }

    @Override
    public DataType dataType() {
        DataType type = arguments.get(0).dataType();
        return type instanceof MapType map ? map.valueType() : ((ArrayType) type).elementType();
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ColumnVector container = arguments.get(0).eval(input);
        if (container instanceof MapVector maps) {
            return lookUp(maps, arguments.get(1).eval(input), n);
        }
        ArrayVector arrays = (ArrayVector) container;
        IntVector indexes = (IntVector) arguments.get(1).eval(input);
        VectorBuilder out = VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, arrays, indexes)) {
                out.appendNull();
            } else {
                out.appendFrom(arrays.elements(), arrays.start(i) + offset(indexes.get(i), arrays.length(i)));
            }
        }
        return out.build();
    }

    /** The value of each row's key, NULL when the map lacks it (also under ANSI, as Spark since 3.4). */
    private ColumnVector lookUp(MapVector maps, ColumnVector keys, int n) {
        VectorBuilder out = VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            int found = -1;
            if (!anyNull(i, maps, keys)) {
                for (int e = maps.start(i); e < maps.start(i) + maps.length(i) && found < 0; e++) {
                    if (maps.keys().equalsAt(e, keys, i)) {
                        found = e;
                    }
                }
            }
            if (found < 0) {
                out.appendNull();
            } else {
                out.appendFrom(maps.values(), found);
            }
        }
        return out.build();
    }

    /** The 0-based position of the element an index means in an array of {@code length}, or the error Spark raises. */
    private int offset(int index, int length) {
        if (subscript) {
            if (index < 0 || index >= length) {
                throw EmberException.of(ErrorClass.INVALID_ARRAY_INDEX, "indexValue", index, "arraySize", length);
            }
            return index;
        }
        if (index == 0) {
            throw EmberException.of(ErrorClass.INVALID_INDEX_OF_ZERO);
        }
        if (Math.abs((long) index) > length) {
            throw EmberException.of(ErrorClass.INVALID_ARRAY_INDEX_IN_ELEMENT_AT, "indexValue", index, "arraySize", length);
        }
        return index > 0 ? index - 1 : length + index;
    }

    @Override
    public String toString() {
        return subscript ? arguments.get(0) + "[" + arguments.get(1) + "]" : super.toString();
    }
}
