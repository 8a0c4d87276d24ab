package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An aggregate with the result, state and accumulator of the aggregate it stands for, folding
 * other inputs. Either it folds that aggregate's arguments once each ({@link #foldingOnce}: a
 * DISTINCT aggregate over columns already made distinct, by the planner's rewrite of DISTINCT
 * aggregates), or it merges that aggregate's states as if they were raw rows
 * ({@link #mergingStates}: a non-distinct aggregate carried through the distinct step as partial
 * states), so that both can be aggregated again in partial and final steps. Either may fold only
 * the rows where a condition holds ({@link #where}): with several sets of DISTINCT arguments, each
 * aggregate reads the rows of its own set. A call's {@code FILTER (WHERE ...)} clause is the same
 * condition on the call's own arguments ({@link #filtering}), DISTINCT or not.
 */
public final class Rebound extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    /** What the arguments are: the original's arguments moved onto other columns, its states, or its own arguments. */
    private enum Kind { FOLDING_ONCE, MERGING_STATES, FILTER_CLAUSE }

    private final AggregateFunction original;
    private final Kind kind;
    /** Whether the last argument is a condition: the rows where it is not true are left out. */
    private final boolean filtered;

    private Rebound(AggregateFunction original, List<Expression> arguments, Kind kind, boolean filtered) {
        super(arguments, kind == Kind.FILTER_CLAUSE && original.distinct());
        this.original = original;
        this.kind = kind;
        this.filtered = filtered;
    }

    /** {@code original} (a DISTINCT aggregate) folding {@code arguments}, columns holding its arguments, without DISTINCT. */
    public static Rebound foldingOnce(AggregateFunction original, List<Expression> arguments) {
        return new Rebound(original, arguments, Kind.FOLDING_ONCE, false);
    }

    /**
     * {@code call FILTER (WHERE condition)}: {@code call} (DISTINCT or not, which the planner rewrites
     * as any DISTINCT call, the condition being one more of its arguments) folding only the rows
     * where the condition is true.
     */
    public static Rebound filtering(AggregateFunction call, Expression condition) {
        return new Rebound(call, call.arguments(), Kind.FILTER_CLAUSE, false).where(condition);
    }

    /** {@code original} merging {@code states}, columns holding its partial states. */
    public static Rebound mergingStates(AggregateFunction original, List<Expression> states) {
        return new Rebound(original, states, Kind.MERGING_STATES, false);
    }

    /** This aggregate folding only the rows where {@code condition} is true, as a {@code FILTER (WHERE ...)} clause does. */
    public Rebound where(Expression condition) {
        if (filtered) {
            throw new IllegalStateException(this + " already has a condition");
        }
        List<Expression> withCondition = new ArrayList<>(arguments);
        withCondition.add(condition);
        return new Rebound(original, withCondition, kind, true);
    }

    /** Whether this is a call's FILTER clause ({@link #filtering}), as opposed to one of the planner's rewrites. */
    public boolean isFilterClause() {
        return kind == Kind.FILTER_CLAUSE;
    }

    /** The condition rows must meet, the last argument; null when every row is folded. */
    public Expression condition() {
        return filtered ? arguments.get(arguments.size() - 1) : null;
    }

    /** A FILTER clause's call without it, over this one's arguments (which analysis and optimization rewrite). */
    public AggregateFunction unfiltered() {
        if (!isFilterClause()) {
            throw new IllegalStateException(this + " is no FILTER clause");
        }
        return (AggregateFunction) original.withNewChildren(arguments.subList(0, arguments.size() - 1));
    }

    /** This FILTER clause on {@code rewrite} of its call (say, with its arguments coerced); this one if that leaves the call as it was. */
    public Rebound withCall(UnaryOperator<Expression> rewrite) {
        Expression call = rewrite.apply(unfiltered());
        return call == original ? this : filtering((AggregateFunction) call, condition());
    }

    @Override
    public String name() {
        return kind == Kind.MERGING_STATES ? "merge_" + original.name() : original.name();
    }

    @Override
    public List<DataType> stateTypes() {
        return original.stateTypes();
    }

    @Override
    public ColumnVector[] inputs(ColumnVector[] arguments) {
        int width = filtered ? arguments.length - 1 : arguments.length;
        ColumnVector[] own = Arrays.copyOf(arguments, width);
        ColumnVector[] inputs = kind == Kind.MERGING_STATES ? own : original.inputs(own);
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
        accumulator = kind == Kind.MERGING_STATES ? new StateMerging(accumulator) : accumulator;
        return filtered ? new Filtered(accumulator, original.newAccumulator().state(1)) : accumulator;
    }

    @Override
    public boolean dependsOnInputOrder() {
        return original.dependsOnInputOrder();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Rebound(original, children, kind, filtered);
    }

    @Override
    public String toString() {
        if (!filtered) {
            return super.toString();
        }
        String call = isFilterClause() ? unfiltered().toString() : arguments.subList(0, arguments.size() - 1).stream()
                .map(Object::toString).collect(Collectors.joining(", ", name() + "(", ")"));
        return call + " FILTER (WHERE " + condition() + ")";
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
