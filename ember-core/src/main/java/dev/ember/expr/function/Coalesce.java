package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code coalesce(a, b, ...)}: the first non-NULL argument. A later argument is evaluated only on
 * the rows still NULL, so it cannot fail on rows that do not need it.
 */
public final class Coalesce extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public Coalesce(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "coalesce";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Coalesce(newArguments);
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
        ColumnVector[] sources = new ColumnVector[arguments.size()];
        int[] sourceOf = new int[n];
        int[] indexIn = new int[n];
        java.util.Arrays.fill(sourceOf, -1);
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = i;
        }
        int pendingCount = n;
        for (int a = 0; a < arguments.size() && pendingCount > 0; a++) {
            Batch rows = pendingCount == n ? input : input.gather(pending, pendingCount);
            ColumnVector values = arguments.get(a).eval(rows);
            sources[a] = values;
            int kept = 0;
            for (int i = 0; i < pendingCount; i++) {
                int original = pending[i];
                if (values.isNull(i)) {
                    pending[kept++] = original;
                } else {
                    sourceOf[original] = a;
                    indexIn[original] = i;
                }
            }
            pendingCount = kept;
        }
        VectorBuilder out = VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            if (sourceOf[i] < 0) {
                out.appendNull();
            } else {
                out.appendFrom(sources[sourceOf[i]], indexIn[i]);
            }
        }
        return out.build();
    }
}
