package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import java.util.List;

/**
 * An aggregate moved onto other columns by the planner's rewrite of DISTINCT aggregates, with
 * the result, state and accumulator of the aggregate it stands for. Either it folds that
 * aggregate's arguments once each ({@link #foldingOnce}: a DISTINCT aggregate over columns already
 * made distinct), or it merges that aggregate's states as if they were raw rows
 * ({@link #mergingStates}: a non-distinct aggregate carried through the distinct step as partial
 * states), so that both can be aggregated again in partial and final steps.
 */
public final class Rebound extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction original;
    private final boolean mergesStates;

    private Rebound(AggregateFunction original, List<Expression> arguments, boolean mergesStates) {
        super(arguments, false);
        this.original = original;
        this.mergesStates = mergesStates;
    }

    /** {@code original} (a DISTINCT aggregate) folding {@code arguments}, columns holding its arguments, without DISTINCT. */
    public static Rebound foldingOnce(AggregateFunction original, List<Expression> arguments) {
        return new Rebound(original, arguments, false);
    }

    /** {@code original} merging {@code states}, columns holding its partial states. */
    public static Rebound mergingStates(AggregateFunction original, List<Expression> states) {
        return new Rebound(original, states, true);
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
        return mergesStates ? arguments : original.inputs(arguments);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        GroupedAccumulator accumulator = original.newAccumulator();
        return mergesStates ? new StateMerging(accumulator) : accumulator;
    }

    @Override
    public boolean dependsOnInputOrder() {
        return original.dependsOnInputOrder();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Rebound(original, children, mergesStates);
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
}
