package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import java.util.List;

/**
 * {@code max_by(x, ord)} and {@code min_by(x, ord)}: the value of {@code x} on a row where {@code ord}
 * is greatest (least); rows with a NULL {@code ord} are skipped, NULL when none remain. Raw rows and
 * states have the same shape (value, ordering), so merging is folding again.
 */
public final class ExtremumBy extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final boolean max;

    public ExtremumBy(Expression value, Expression ordering, boolean max) {
        super(List.of(value, ordering), false);
        this.max = max;
    }

    @Override
    public String name() {
        return max ? "max_by" : "min_by";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new ExtremumBy(children.get(0), children.get(1), max);
    }

    @Override
    public DataType dataType() {
        return arguments.get(0).dataType();
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType(), arguments.get(1).dataType());
    }

    @Override
    public ColumnVector[] inputs(ColumnVector[] columns) {
        return columns;
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new GroupedAccumulator() {
            private final ValueSlots values = new ValueSlots();
            private final ValueSlots orderings = new ValueSlots();

            @Override
            public void update(int[] groupIds, int rowCount, ColumnVector input) {
                throw new UnsupportedOperationException(name() + " folds a value and an ordering");
            }

            @Override
            public void update(int[] groupIds, int rowCount, ColumnVector[] inputs) {
                ColumnVector value = inputs[0];
                ColumnVector ordering = inputs[1];
                for (int i = 0; i < rowCount; i++) {
                    if (ordering.isNull(i)) {
                        continue;
                    }
                    int group = groupIds[i];
                    boolean better = !orderings.isSet(group) || better(ordering.compareAt(i, orderings.vector(group), orderings.position(group)));
                    if (better) {
                        values.set(group, value, i);
                        orderings.set(group, ordering, i);
                    }
                }
            }

            private boolean better(int order) {
                return max ? order > 0 : order < 0;
            }

            @Override
            public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
                update(groupIds, rowCount, state);
            }

            @Override
            public ColumnVector[] state(int groupCount) {
                return new ColumnVector[] {result(groupCount), orderings.values(arguments.get(1).dataType(), groupCount)};
            }

            @Override
            public ColumnVector result(int groupCount) {
                return values.values(dataType(), groupCount);
            }

            @Override
            public long retainedBytes() {
                return values.retainedBytes() + orderings.retainedBytes();
            }
        };
    }
}
