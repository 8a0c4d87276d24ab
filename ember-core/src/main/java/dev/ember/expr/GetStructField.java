package dev.ember.expr;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.Nulls;
import dev.ember.vector.StructVector;
import java.util.stream.Collectors;

/** A field of a struct ({@code s.a}, {@code s['a']}): NULL where the struct is. */
public final class GetStructField extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final int ordinal;

    public GetStructField(Expression child, int ordinal) {
        super(child);
        this.ordinal = ordinal;
    }

    /** The field named {@code name} (case-insensitive) of a struct-typed expression, or Spark's FIELD_NOT_FOUND. */
    public static GetStructField of(Expression struct, String name) {
        StructType type = (StructType) struct.dataType();
        int ordinal = type.indexOf(name);
        if (ordinal < 0) {
            throw EmberException.of(ErrorClass.FIELD_NOT_FOUND, "fieldName", "`" + name + "`",
                    "fields", type.fields().stream().map(f -> "`" + f.name() + "`").collect(Collectors.joining(", ")));
        }
        return new GetStructField(struct, ordinal);
    }

    public int ordinal() {
        return ordinal;
    }

    private StructField field() {
        return ((StructType) child.dataType()).field(ordinal);
    }

    public String fieldName() {
        return field().name();
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new GetStructField(newChild, ordinal);
    }

    @Override
    public DataType dataType() {
        return field().dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable() || field().nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        StructVector structs = (StructVector) child.eval(input);
        ColumnVector field = structs.field(ordinal);
        if (!structs.mayHaveNulls()) {
            return field;
        }
        // The field's values under a NULL struct are placeholders: mask them.
        return Nulls.masked(field, structs.nulls(), structs.size());
    }

    @Override
    public String toString() {
        return child + "." + fieldName();
    }
}
