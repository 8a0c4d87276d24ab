package dev.ember.expr;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code try_cast}, {@code try_divide}: the child's value, or NULL on the rows where computing it
 * raises one of ANSI's data errors (overflow, division by zero, malformed input). The child runs
 * over the whole batch first; only when that fails is it re-run row by row, so the common case
 * stays vectorized.
 */
public final class TryEval extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private static final Set<ErrorClass> TOLERATED = EnumSet.of(ErrorClass.DIVIDE_BY_ZERO, ErrorClass.REMAINDER_BY_ZERO, ErrorClass.ARITHMETIC_OVERFLOW,
            ErrorClass.BINARY_ARITHMETIC_OVERFLOW, ErrorClass.CAST_OVERFLOW, ErrorClass.CAST_INVALID_INPUT,
            ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE);

    public TryEval(Expression child) {
        super(child);
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new TryEval(newChild);
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(Batch input) {
        try {
            return child.eval(input);
        } catch (EmberException e) {
            if (!TOLERATED.contains(e.errorClass())) {
                throw e;
            }
        }
        int n = input.rowCount();
        VectorBuilder out = VectorBuilder.create(dataType(), n);
        int[] position = new int[1];
        for (int i = 0; i < n; i++) {
            position[0] = i;
            try {
                out.appendFrom(child.eval(input.gather(position, 1)), 0);
            } catch (EmberException e) {
                if (!TOLERATED.contains(e.errorClass())) {
                    throw e;
                }
                out.appendNull();
            }
        }
        return out.build();
    }

    /** {@code TRY_CAST(x AS INT)} for a cast, as Spark names it; otherwise the child's own name ({@code try_divide(a, b)}). */
    @Override
    public String toString() {
        return child instanceof Cast ? "TRY_" + child : child.toString();
    }
}
