package dev.ember.expr;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.Nulls;
import dev.ember.vector.StructVector;

/** {@code arr.a} on an array of structs: the array of each element's field (NULL for a NULL element), as Spark's GetArrayStructFields. */
public final class GetArrayStructFields extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final int ordinal;

    public GetArrayStructFields(Expression child, int ordinal) {
        super(child);
        this.ordinal = ordinal;
    }

    private ArrayType arrayType() {
        return (ArrayType) child.dataType();
    }

    private StructField field() {
        return ((StructType) arrayType().elementType()).field(ordinal);
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new GetArrayStructFields(newChild, ordinal);
    }

    @Override
    public DataType dataType() {
        return new ArrayType(field().dataType(), arrayType().containsNull() || field().nullable());
    }

    @Override
    public ColumnVector eval(Batch input) {
        ArrayVector arrays = (ArrayVector) child.eval(input);
        StructVector elements = (StructVector) arrays.elements();
        ColumnVector values = elements.field(ordinal);
        if (elements.mayHaveNulls()) {
            values = Nulls.masked(values, elements.nulls(), elements.size());
        }
        int[] offsets = new int[arrays.size() + 1];
        for (int i = 0; i <= arrays.size(); i++) {
            offsets[i] = arrays.start(i);
        }
        return new ArrayVector((ArrayType) dataType(), arrays.size(), offsets, values, arrays.nulls());
    }

    @Override
    public String toString() {
        return child + "." + field().name();
    }
}
