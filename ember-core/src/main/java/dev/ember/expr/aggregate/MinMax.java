package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code min(x)} and {@code max(x)} by SQL ordering; NULL for no values.
 *
 * <p>Each group's best value so far is kept as a one-row vector slice of the input it came from,
 * so every type compares with its own {@link ColumnVector#compareAt} and nothing is boxed per row
 * except when a group's best value changes.
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
        private ColumnVector[] bestVector = new ColumnVector[16];
        private int[] bestPosition = new int[16];

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
                if (group >= bestVector.length) {
                    int size = Math.max(group + 1, bestVector.length * 2);
                    bestVector = Arrays.copyOf(bestVector, size);
                    bestPosition = Arrays.copyOf(bestPosition, size);
                }
                ColumnVector current = bestVector[group];
                if (current == null) {
                    bestVector[group] = input;
                    bestPosition[group] = i;
                } else {
                    int order = input.compareAt(i, current, bestPosition[group]);
                    if (max ? order > 0 : order < 0) {
                        bestVector[group] = input;
                        bestPosition[group] = i;
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
            VectorBuilder builder = VectorBuilder.create(type, groupCount);
            for (int g = 0; g < groupCount; g++) {
                if (g >= bestVector.length || bestVector[g] == null) {
                    builder.appendNull();
                } else {
                    builder.appendFrom(bestVector[g], bestPosition[g]);
                }
            }
            return builder.build();
        }

        @Override
        public long retainedBytes() {
            // Input vectors are retained by reference; count each distinct one once would be exact, this is an upper bound per group.
            return 12L * bestVector.length;
        }
    }
}
