package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.Arrays;
import java.util.List;

/** {@code count_if(b)}: the rows where {@code b} is true; 0 for none. Spark's {@code count(nullif(b, false))}. */
public final class CountIf extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public CountIf(Expression argument, boolean distinct) {
        super(List.of(argument), distinct);
    }

    @Override
    public String name() {
        return "count_if";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new CountIf(children.get(0), distinct);
    }

    @Override
    public AggregateFunction coerceArguments() {
        return (AggregateFunction) withNewChildren(List.of(argumentOfType(0, AtomicType.BOOLEAN)));
    }

    /** The rows to count as the non-NULL ones, which is what count folds. */
    @Override
    public ColumnVector input(ColumnVector[] columns) {
        ColumnVector column = columns[0];
        int n = column.size();
        boolean[] skipped = new boolean[n];
        if (column instanceof BooleanVector booleans) {
            boolean[] values = booleans.values();
            for (int i = 0; i < n; i++) {
                skipped[i] = booleans.isNull(i) || !values[i];
            }
        } else {
            Arrays.fill(skipped, true); // the NULL type
        }
        return new BooleanVector(n, new boolean[n], skipped);
    }

    @Override
    public DataType dataType() {
        return AtomicType.LONG;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(AtomicType.LONG);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new Count(arguments.get(0), false).newAccumulator();
    }
}
