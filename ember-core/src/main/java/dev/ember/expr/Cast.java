package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.Locale;

/**
 * {@code CAST(child AS type)} with ANSI semantics: malformed input and overflow are errors. A cast
 * the analyzer inserts ({@link #implicit}) computes the same but is not part of the expression's
 * name: Spark names {@code a + 1L} as {@code (a + 1)}, not {@code (CAST(a AS BIGINT) + 1)}.
 */
public final class Cast extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final DataType targetType;
    private final boolean implicit;

    public Cast(Expression child, DataType targetType) {
        this(child, targetType, false);
    }

    private Cast(Expression child, DataType targetType, boolean implicit) {
        super(child);
        this.targetType = requireNonNull(targetType, "targetType is null");
        this.implicit = implicit;
    }

    /** A cast the analyzer inserts for type coercion; it names itself as its child. */
    public static Cast implicit(Expression child, DataType targetType) {
        return new Cast(child, targetType, true);
    }

    public boolean isImplicit() {
        return implicit;
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new Cast(newChild, targetType, implicit);
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
        if (implicit) {
            return child.toString();
        }
        return "CAST(" + child + " AS " + targetType.simpleString().toUpperCase(Locale.ROOT) + ")";
    }
}
