package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;
import java.util.Locale;

/**
 * An element of an array: {@code array[i]} counts from 0, {@code element_at(array, i)} from 1 and
 * from the end when negative. An index outside the array is an error (ANSI).
 */
public final class ElementAt extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean subscript;

    /** @param subscript {@code array[index]} rather than {@code element_at(array, index)} */
    public ElementAt(Expression array, Expression index, boolean subscript) {
        super(List.of(array, index));
        this.subscript = subscript;
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
        if (!(type instanceof ArrayType)) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "parameter 1 requires the \"ARRAY\" type, however \"" + arguments.get(0) + "\" has the type \""
                            + type.simpleString().toUpperCase(Locale.ROOT) + "\"");
        }
        return withNewChildren(List.of(arguments.get(0), castTo(arguments.get(1), AtomicType.INT)));
    }

    @Override
    public DataType dataType() {
        return ((ArrayType) arguments.get(0).dataType()).elementType();
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ArrayVector arrays = (ArrayVector) arguments.get(0).eval(input);
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
