package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import java.util.List;

/**
 * {@code min(x)} and {@code max(x)} by SQL ordering; NULL for no values.
 *
 * <p>Each group's best value so far is kept as a position in the input it came from ({@link ValueSlots}),
 * so every type compares with its own {@link ColumnVector#compareAt} and nothing is boxed per row.
 */
public final class MinMax extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final boolean max;

    public MinMax(Expression argument, boolean max) {
        super(List.of(argument), false);
        this.max = max;
    }

    public boolean isMax() {
        return max;
    }

    @Override
    public String name() {
        return max ? "max" : "min";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new MinMax(children.get(0), max);
    }

    @Override
    public DataType dataType() {
        return arguments.get(0).dataType();
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType());
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new Accumulator(dataType(), max);
    }

    private static final class Accumulator implements GroupedAccumulator {
        private final DataType type;
        private final boolean max;
        private final ValueSlots best = new ValueSlots();

        Accumulator(DataType type, boolean max) {
            this.type = type;
            this.max = max;
        }

        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector input) {
            for (int i = 0; i < rowCount; i++) {
                if (input.isNull(i)) {
                    continue;
                }
                int group = groupIds[i];
                if (!best.isSet(group)) {
                    best.set(group, input, i);
                } else {
                    int order = input.compareAt(i, best.vector(group), best.position(group));
                    if (max ? order > 0 : order < 0) {
                        best.set(group, input, i);
                    }
                }
            }
        }

        @Override
        public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
            update(groupIds, rowCount, state[0]);
        }

        @Override
        public ColumnVector[] state(int groupCount) {
            return new ColumnVector[] {result(groupCount)};
        }

        @Override
        public ColumnVector result(int groupCount) {
            return best.values(type, groupCount);
        }

        @Override
        public long retainedBytes() {
            return best.retainedBytes();
        }
    }
}
