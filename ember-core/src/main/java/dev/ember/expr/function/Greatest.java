package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code greatest(a, b, ...)} and {@code least(...)}: the largest (smallest) non-NULL argument,
 * NULL only when all are; the analyzer casts the arguments to their common type.
 */
public final class Greatest extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean greatest;

    public Greatest(boolean greatest, List<Expression> arguments) {
        super(arguments);
        this.greatest = greatest;
    }

    @Override
    public String name() {
        return greatest ? "greatest" : "least";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Greatest(greatest, newArguments);
    }

    @Override
    public DataType dataType() {
        return arguments.get(0).dataType();
    }

    @Override
    public boolean nullable() {
        return arguments.stream().allMatch(Expression::nullable);
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ColumnVector[] values = new ColumnVector[arguments.size()];
        for (int a = 0; a < values.length; a++) {
            values[a] = arguments.get(a).eval(input);
        }
        VectorBuilder out = VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            ColumnVector best = null;
            for (ColumnVector candidate : values) {
                if (!candidate.isNull(i) && (best == null || isBetter(candidate.compareAt(i, best, i)))) {
                    best = candidate;
                }
            }
            if (best == null) {
                out.appendNull();
            } else {
                out.appendFrom(best, i);
            }
        }
        return out.build();
    }

    private boolean isBetter(int comparison) {
        return greatest ? comparison > 0 : comparison < 0;
    }
}
