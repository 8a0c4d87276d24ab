package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.Locale;

/** {@code CAST(child AS type)} with ANSI semantics: malformed input and overflow are errors. */
public final class Cast extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final DataType targetType;

    public Cast(Expression child, DataType targetType) {
        super(child);
        this.targetType = requireNonNull(targetType, "targetType is null");
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new Cast(newChild, targetType);
    }

    @Override
    public DataType dataType() {
        return targetType;
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector value = child.eval(input);
        if (value.type().equals(targetType)) {
            return value;
        }
        return Casts.cast(value, targetType, child);
    }

    @Override
    public String toString() {
        return "CAST(" + child + " AS " + targetType.simpleString().toUpperCase(Locale.ROOT) + ")";
    }
}
