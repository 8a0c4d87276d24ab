package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.GroupedAccumulator;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash aggregation in one of three modes. PARTIAL folds raw rows into states (keys, then the
 * state columns of each function); FINAL merges such states and emits keys and results;
 * COMPLETE folds raw rows straight into results (used for distinct aggregates after an exchange
 * by key). With no grouping keys a FINAL or COMPLETE aggregate emits exactly one row, even for
 * empty input.
 */
public final class HashAggregateExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    public enum Mode { PARTIAL, FINAL, COMPLETE }

    private final Mode mode;
    private final List<Expression> keys;
    private final List<AggregateFunction> functions;
    private final List<AttributeReference> output;
    /** FINAL: where each function's state columns start in the input. */
    private final int[] stateOffsets;

    /**
     * @param keys grouping expressions over the child (PARTIAL, COMPLETE) or the key columns of partial output (FINAL)
     * @param functions the aggregates; their arguments are bound to the child for PARTIAL and COMPLETE
     * @param output the attributes of the keys followed by one per state column (PARTIAL) or per result (otherwise)
     */
    public HashAggregateExec(Mode mode, List<Expression> keys, List<AggregateFunction> functions, List<AttributeReference> output,
            PhysicalPlan child) {
        super(child);
        this.mode = mode;
        this.keys = bindAll(keys, child.output());
        this.functions = mode == Mode.FINAL ? List.copyOf(functions)
                : functions.stream().map(f -> (AggregateFunction) bind(f, child.output())).toList();
        this.output = List.copyOf(output);
        this.stateOffsets = new int[functions.size()];
        int offset = keys.size();
        for (int f = 0; f < functions.size(); f++) {
            stateOffsets[f] = offset;
            offset += functions.get(f).stateTypes().size();
        }
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public Operator open(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            private boolean done;

            @Override
            public Batch next() {
                if (done) {
                    return null;
                }
                done = true;
                return aggregate(input);
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    private Batch aggregate(Operator input) {
        List<DataType> keyTypes = keys.stream().map(Expression::dataType).toList();
        KeyTable table = new KeyTable(keyTypes);
        GroupedAccumulator[] accumulators = new GroupedAccumulator[functions.size()];
        for (int f = 0; f < accumulators.length; f++) {
            accumulators[f] = functions.get(f).newAccumulator();
        }
        KeyTable[] distinctSeen = new KeyTable[functions.size()];
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            accumulate(batch, table, accumulators, distinctSeen);
        }
        int groupCount = keys.isEmpty() ? 1 : table.size();
        List<ColumnVector> columns = new ArrayList<>(Arrays.asList(keys.isEmpty() ? new ColumnVector[0] : table.keys()));
        for (GroupedAccumulator accumulator : accumulators) {
            if (mode == Mode.PARTIAL) {
                columns.addAll(Arrays.asList(accumulator.state(groupCount)));
            } else {
                columns.add(accumulator.result(groupCount));
            }
        }
        if (groupCount == 0) {
            return null;
        }
        return new Batch(columns, groupCount);
    }

    /**
     * Folds one batch into the groups. A method of its own, so that the JIT compiles it once rather
     * than within ever larger on-stack replacements of the loop over batches, which inline the input.
     */
    private void accumulate(Batch batch, KeyTable table, GroupedAccumulator[] accumulators, KeyTable[] distinctSeen) {
        int n = batch.rowCount();
        ColumnVector[] keyColumns = new ColumnVector[keys.size()];
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = keys.get(k).eval(batch);
        }
        int[] groups = keys.isEmpty() ? new int[n] : table.findOrInsert(keyColumns, n);
        for (int f = 0; f < functions.size(); f++) {
            AggregateFunction function = functions.get(f);
            if (mode == Mode.FINAL) {
                int width = function.stateTypes().size();
                ColumnVector[] state = new ColumnVector[width];
                for (int s = 0; s < width; s++) {
                    state[s] = batch.column(stateOffsets[f] + s);
                }
                accumulators[f].merge(groups, n, state);
                continue;
            }
            ColumnVector[] arguments = new ColumnVector[function.arguments().size()];
            for (int a = 0; a < arguments.length; a++) {
                arguments[a] = function.arguments().get(a).eval(batch);
            }
            ColumnVector[] inputs = function.inputs(arguments);
            if (function.distinct()) {
                updateDistinct(f, groups, n, arguments, inputs, accumulators[f], distinctSeen);
            } else {
                accumulators[f].update(groups, n, inputs);
            }
        }
    }

    /** Folds each (group, values) tuple of function {@code f} once: only the rows whose tuple is new. */
    private static void updateDistinct(int f, int[] groups, int n, ColumnVector[] arguments, ColumnVector[] inputs,
            GroupedAccumulator accumulator, KeyTable[] distinctSeen) {
        ColumnVector[] tuple = new ColumnVector[arguments.length + 1];
        tuple[0] = new dev.ember.vector.IntVector(dev.ember.sql.types.AtomicType.INT, n, groups, null);
        System.arraycopy(arguments, 0, tuple, 1, arguments.length);
        if (distinctSeen[f] == null) {
            distinctSeen[f] = new KeyTable(Arrays.stream(tuple).map(ColumnVector::type).toList());
        }
        int before = distinctSeen[f].size();
        int[] pairIds = distinctSeen[f].findOrInsert(tuple, n);
        int[] fresh = new int[n];
        int count = 0;
        int next = before;
        for (int i = 0; i < n; i++) {
            if (pairIds[i] == next) {
                fresh[count++] = i;
                next++;
            }
        }
        int[] freshGroups = new int[count];
        for (int i = 0; i < count; i++) {
            freshGroups[i] = groups[fresh[i]];
        }
        ColumnVector[] freshInputs = new ColumnVector[inputs.length];
        for (int c = 0; c < inputs.length; c++) {
            freshInputs[c] = inputs[c].gather(fresh, count);
        }
        accumulator.update(freshGroups, count, freshInputs);
    }

    @Override
    public String nodeString() {
        return "HashAggregate(" + mode.name().toLowerCase() + ", keys=" + keys + ", functions=" + functions + ")";
    }
}
