package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An aggregate moved onto other columns by the planner's rewrite of DISTINCT aggregates, with
 * the result, state and accumulator of the aggregate it stands for. Either it folds that
 * aggregate's arguments once each ({@link #foldingOnce}: a DISTINCT aggregate over columns already
 * made distinct), or it merges that aggregate's states as if they were raw rows
 * ({@link #mergingStates}: a non-distinct aggregate carried through the distinct step as partial
 * states), so that both can be aggregated again in partial and final steps. Either may fold only
 * the rows where a condition holds ({@link #where}): with several sets of DISTINCT arguments, each
 * aggregate reads the rows of its own set.
 */
public final class Rebound extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction original;
    private final boolean mergesStates;
    /** Whether the last argument is a condition: the rows where it is not true are left out. */
    private final boolean filtered;

    private Rebound(AggregateFunction original, List<Expression> arguments, boolean mergesStates, boolean filtered) {
        super(arguments, false);
        this.original = original;
        this.mergesStates = mergesStates;
        this.filtered = filtered;
    }

    /** {@code original} (a DISTINCT aggregate) folding {@code arguments}, columns holding its arguments, without DISTINCT. */
    public static Rebound foldingOnce(AggregateFunction original, List<Expression> arguments) {
        return new Rebound(original, arguments, false, false);
    }

    /** {@code original} merging {@code states}, columns holding its partial states. */
    public static Rebound mergingStates(AggregateFunction original, List<Expression> states) {
        return new Rebound(original, states, true, false);
    }

    /** This aggregate folding only the rows where {@code condition} is true, as a {@code FILTER (WHERE ...)} clause does. */
    public Rebound where(Expression condition) {
        if (filtered) {
            throw new IllegalStateException(this + " already has a condition");
        }
        List<Expression> withCondition = new ArrayList<>(arguments);
        withCondition.add(condition);
        return new Rebound(original, withCondition, mergesStates, true);
    }

    @Override
    public String name() {
        return mergesStates ? "merge_" + original.name() : original.name();
    }

    @Override
    public List<DataType> stateTypes() {
        return original.stateTypes();
    }

    @Override
    public ColumnVector[] inputs(ColumnVector[] arguments) {
        int width = filtered ? arguments.length - 1 : arguments.length;
        ColumnVector[] own = Arrays.copyOf(arguments, width);
        ColumnVector[] inputs = mergesStates ? own : original.inputs(own);
        if (!filtered) {
            return inputs;
        }
        ColumnVector[] withCondition = Arrays.copyOf(inputs, inputs.length + 1);
        withCondition[inputs.length] = arguments[width];
        return withCondition;
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        GroupedAccumulator accumulator = original.newAccumulator();
        accumulator = mergesStates ? new StateMerging(accumulator) : accumulator;
        return filtered ? new Filtered(accumulator, original.newAccumulator().state(1)) : accumulator;
    }

    @Override
    public boolean dependsOnInputOrder() {
        return original.dependsOnInputOrder();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Rebound(original, children, mergesStates, filtered);
    }

    @Override
    public String toString() {
        if (!filtered) {
            return super.toString();
        }
        String call = arguments.subList(0, arguments.size() - 1).stream().map(Object::toString)
                .collect(Collectors.joining(", ", name() + "(", ")"));
        return call + " FILTER (WHERE " + arguments.get(arguments.size() - 1) + ")";
    }

    @Override
    public DataType dataType() {
        return original.dataType();
    }

    @Override
    public boolean nullable() {
        return original.nullable();
    }

    /** Folds states where raw rows are expected: its "rows" are the partial states of the original aggregate. */
    private record StateMerging(GroupedAccumulator states) implements GroupedAccumulator {
        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector input) {
            states.merge(groupIds, rowCount, new ColumnVector[] {input});
        }

        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector[] inputs) {
            states.merge(groupIds, rowCount, inputs);
        }

        @Override
        public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
            states.merge(groupIds, rowCount, state);
        }

        @Override
        public ColumnVector[] state(int groupCount) {
            return states.state(groupCount);
        }

        @Override
        public ColumnVector result(int groupCount) {
            return states.result(groupCount);
        }

        @Override
        public long retainedBytes() {
            return states.retainedBytes();
        }
    }

    /**
     * Folds only the rows whose condition (the last input column) is true. The accumulators size
     * themselves by the largest group they are given, so when rows are left out, an empty state
     * ({@code emptyState}, one row) is merged into the batch's largest group: every group of the
     * table then has a state, if only an empty one.
     */
    private record Filtered(GroupedAccumulator accumulator, ColumnVector[] emptyState) implements GroupedAccumulator {
        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector input) {
            throw new IllegalStateException("a filtered aggregate is given its condition with its inputs");
        }

        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector[] inputs) {
            int width = inputs.length - 1;
            BooleanVector condition = (BooleanVector) inputs[width];
            int[] kept = new int[rowCount];
            int count = 0;
            int largestGroup = -1;
            for (int i = 0; i < rowCount; i++) {
                largestGroup = Math.max(largestGroup, groupIds[i]);
                if (condition.get(i) && !condition.isNull(i)) {
                    kept[count++] = i;
                }
            }
            ColumnVector[] ownInputs = Arrays.copyOf(inputs, width);
            if (count == rowCount) {
                accumulator.update(groupIds, rowCount, ownInputs);
                return;
            }
            accumulator.merge(new int[] {largestGroup}, 1, emptyState);
            if (count == 0) {
                return;
            }
            int[] keptGroups = new int[count];
            for (int i = 0; i < count; i++) {
                keptGroups[i] = groupIds[kept[i]];
            }
            for (int c = 0; c < width; c++) {
                ownInputs[c] = ownInputs[c].gather(kept, count);
            }
            accumulator.update(keptGroups, count, ownInputs);
        }

        @Override
        public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
            accumulator.merge(groupIds, rowCount, state);
        }

        @Override
        public ColumnVector[] state(int groupCount) {
            return accumulator.state(groupCount);
        }

        @Override
        public ColumnVector result(int groupCount) {
            return accumulator.result(groupCount);
        }

        @Override
        public long retainedBytes() {
            return accumulator.retainedBytes();
        }
    }
}
