package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.GetStructField;
import dev.ember.expr.NamedExpression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StructVector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct(a, b)} and {@code named_struct('x', a, 'y', b)}: a struct of the values, never NULL
 * itself. {@code struct} names a field after its column ({@code a}) or by position ({@code col2}).
 */
public final class CreateStruct extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean named;
    /** The field names of {@code struct(...)}, fixed when the call is resolved (columns are bound to positions later). */
    private final List<String> columnNames;

    private CreateStruct(List<Expression> arguments, boolean named, List<String> columnNames) {
        super(arguments);
        this.named = named;
        this.columnNames = columnNames == null ? null : List.copyOf(columnNames);
    }

    public static CreateStruct struct(List<Expression> values) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Expression value = values.get(i);
            if (value instanceof NamedExpression column) {
                names.add(column.name());
            } else if (value instanceof GetStructField field) {
                names.add(field.fieldName());
            } else {
                names.add("col" + (i + 1));
            }
        }
        return new CreateStruct(values, false, names);
    }

    /** {@code named_struct(name1, value1, ...)}: the names must be constant strings. */
    public static CreateStruct namedStruct(List<Expression> arguments) {
        CreateStruct call = new CreateStruct(arguments, true, null);
        if (arguments.size() % 2 != 0) {
            throw EmberException.of(ErrorClass.WRONG_NUM_ARGS, "function", "`named_struct`",
                    "expected", "2n (n > 0)", "actual", arguments.size());
        }
        for (int i = 0; i < arguments.size(); i += 2) {
            Expression name = arguments.get(i);
            if (!name.foldable() || name.dataType() != AtomicType.STRING || call.constantArgument(i, "name") == null) {
                throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + call + "\"", "detail",
                        "Only foldable \"STRING\" expressions are allowed to appear at odd position, got: " + name);
            }
        }
        return call;
    }

    @Override
    public String name() {
        return named ? "named_struct" : "struct";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new CreateStruct(newArguments, named, columnNames);
    }

    private List<Expression> values() {
        if (!named) {
            return arguments;
        }
        List<Expression> values = new ArrayList<>();
        for (int i = 1; i < arguments.size(); i += 2) {
            values.add(arguments.get(i));
        }
        return values;
    }

    private List<String> names() {
        if (!named) {
            return columnNames;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            names.add(String.valueOf(constantArgument(i, "name")));
        }
        return names;
    }

    @Override
    public DataType dataType() {
        List<String> names = names();
        List<Expression> values = values();
        List<StructField> fields = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            fields.add(new StructField(names.get(i), values.get(i).dataType(), values.get(i).nullable()));
        }
        return new StructType(fields);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        List<ColumnVector> fields = values().stream().map(value -> value.eval(input)).toList();
        return new StructVector((StructType) dataType(), input.rowCount(), fields, null);
    }
}
