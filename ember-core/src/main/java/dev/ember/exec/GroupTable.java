package dev.ember.exec;

import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.GroupedAccumulator;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The groups of one hash aggregation: their keys ({@link KeyTable}, dense group ids) and one
 * accumulator per aggregate. It folds raw rows or merges states, and can write itself out as
 * <em>spill rows</em> — the keys, then per aggregate its state columns, or for a DISTINCT aggregate
 * one array per argument holding the group's distinct argument tuples (its state cannot be merged,
 * the tuples can) — which a fresh table merges back ({@link #mergeSpilled}). Used by one thread.
 */
final class GroupTable {
    private final List<DataType> keyTypes;
    private final List<AggregateFunction> functions;
    /** {@code null} without grouping keys: then there is exactly one group. */
    private final KeyTable keys;
    private final GroupedAccumulator[] accumulators;
    /** Per DISTINCT aggregate, the (group, arguments) tuples folded so far. */
    private final KeyTable[] distinctSeen;

    GroupTable(List<DataType> keyTypes, List<AggregateFunction> functions) {
        this.keyTypes = keyTypes;
        this.functions = functions;
        this.keys = keyTypes.isEmpty() ? null : new KeyTable(keyTypes);
        this.accumulators = new GroupedAccumulator[functions.size()];
        for (int f = 0; f < accumulators.length; f++) {
            accumulators[f] = functions.get(f).newAccumulator();
        }
        this.distinctSeen = new KeyTable[functions.size()];
    }

    /** The columns of spill rows: the keys, then each aggregate's state (or argument arrays when DISTINCT). */
    static List<DataType> spillTypes(List<DataType> keyTypes, List<AggregateFunction> functions) {
        List<DataType> types = new ArrayList<>(keyTypes);
        for (AggregateFunction function : functions) {
            if (function.distinct()) {
                function.arguments().forEach(a -> types.add(new ArrayType(a.dataType(), true)));
            } else {
                types.addAll(function.stateTypes());
            }
        }
        return types;
    }

    /** The number of groups (1 without keys, whatever was folded). */
    int size() {
        return keys == null ? 1 : keys.size();
    }

    boolean hasKeys() {
        return keys != null;
    }

    long retainedBytes() {
        long bytes = keys == null ? 0 : keys.retainedBytes();
        for (int f = 0; f < accumulators.length; f++) {
            bytes += accumulators[f].retainedBytes() + (distinctSeen[f] == null ? 0 : distinctSeen[f].retainedBytes());
        }
        return bytes;
    }

    private int[] groups(ColumnVector[] keyColumns, int n) {
        return keys == null ? new int[n] : keys.findOrInsert(keyColumns, n);
    }

    /** Folds raw rows: {@code arguments[f]} are aggregate f's evaluated arguments. */
    void fold(ColumnVector[] keyColumns, ColumnVector[][] arguments, int n) {
        int[] groups = groups(keyColumns, n);
        for (int f = 0; f < accumulators.length; f++) {
            AggregateFunction function = functions.get(f);
            ColumnVector[] inputs = function.inputs(arguments[f]);
            if (function.distinct()) {
                foldDistinct(f, groups, n, arguments[f], inputs);
            } else {
                accumulators[f].update(groups, n, inputs);
            }
        }
    }

    /** Merges states: {@code states[f]} are aggregate f's state columns (no aggregate is DISTINCT). */
    void merge(ColumnVector[] keyColumns, ColumnVector[][] states, int n) {
        int[] groups = groups(keyColumns, n);
        for (int f = 0; f < accumulators.length; f++) {
            accumulators[f].merge(groups, n, states[f]);
        }
    }

    /** Merges spill rows, as {@link #spillRows} writes them. */
    void mergeSpilled(Batch rows) {
        int n = rows.rowCount();
        int column = keyTypes.size();
        int[] groups = groups(rows.columns().subList(0, column).toArray(new ColumnVector[0]), n);
        for (int f = 0; f < accumulators.length; f++) {
            AggregateFunction function = functions.get(f);
            int width = function.distinct() ? function.arguments().size() : function.stateTypes().size();
            ColumnVector[] columns = rows.columns().subList(column, column + width).toArray(new ColumnVector[0]);
            column += width;
            if (!function.distinct()) {
                accumulators[f].merge(groups, n, columns);
                continue;
            }
            // One row per distinct tuple: the arrays' elements, each with the group of its array.
            ArrayVector first = (ArrayVector) columns[0];
            int total = 0;
            for (int i = 0; i < n; i++) {
                total += first.length(i);
            }
            int[] tupleGroups = new int[total];
            int[] positions = new int[total];
            int at = 0;
            for (int i = 0; i < n; i++) {
                for (int e = first.start(i); e < first.start(i) + first.length(i); e++) {
                    tupleGroups[at] = groups[i];
                    positions[at++] = e;
                }
            }
            ColumnVector[] arguments = new ColumnVector[width];
            for (int a = 0; a < width; a++) {
                arguments[a] = ((ArrayVector) columns[a]).elements().gather(positions, total);
            }
            foldDistinct(f, tupleGroups, total, arguments, function.inputs(arguments));
        }
    }

    /** Folds each (group, arguments) tuple of aggregate {@code f} once: only the rows whose tuple is new. */
    private void foldDistinct(int f, int[] groups, int n, ColumnVector[] arguments, ColumnVector[] inputs) {
        ColumnVector[] tuple = new ColumnVector[arguments.length + 1];
        tuple[0] = new IntVector(AtomicType.INT, n, groups, null);
        System.arraycopy(arguments, 0, tuple, 1, arguments.length);
        if (distinctSeen[f] == null) {
            distinctSeen[f] = new KeyTable(Arrays.stream(tuple).map(ColumnVector::type).toList());
        }
        int before = distinctSeen[f].size();
        int[] tupleIds = distinctSeen[f].findOrInsert(tuple, n);
        int[] fresh = new int[n];
        int count = 0;
        for (int i = 0, next = before; i < n; i++) {
            if (tupleIds[i] == next) {
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
        accumulators[f].update(freshGroups, count, freshInputs);
    }

    /** The keys, then the state columns ({@code partial}) or the result of each aggregate; {@code null} for no groups. */
    Batch output(boolean partial) {
        int groupCount = size();
        if (groupCount == 0) {
            return null;
        }
        List<ColumnVector> columns = new ArrayList<>(keys == null ? List.of() : Arrays.asList(keys.keys()));
        for (GroupedAccumulator accumulator : accumulators) {
            if (partial) {
                columns.addAll(Arrays.asList(accumulator.state(groupCount)));
            } else {
                columns.add(accumulator.result(groupCount));
            }
        }
        return new Batch(columns, groupCount);
    }

    /** The groups as spill rows (see the class comment). */
    Batch spillRows() {
        int groupCount = size();
        List<ColumnVector> columns = new ArrayList<>(Arrays.asList(keys.keys()));
        for (int f = 0; f < accumulators.length; f++) {
            if (functions.get(f).distinct()) {
                columns.addAll(distinctArrays(f, groupCount));
            } else {
                columns.addAll(Arrays.asList(accumulators[f].state(groupCount)));
            }
        }
        return new Batch(columns, groupCount);
    }

    /** The key hash of each group, in group order. */
    int[] hashes() {
        return keys.hashes();
    }

    /** Per argument of DISTINCT aggregate {@code f}, an array per group of the arguments of its distinct tuples. */
    private List<ColumnVector> distinctArrays(int f, int groupCount) {
        List<DataType> argumentTypes = functions.get(f).arguments().stream().map(a -> a.dataType()).toList();
        int[] offsets = new int[groupCount + 1];
        if (distinctSeen[f] == null) {
            return argumentTypes.stream().map(t -> (ColumnVector) new ArrayVector(new ArrayType(t, true), groupCount, offsets,
                    VectorBuilder.create(t, 0).build(), null)).toList();
        }
        ColumnVector[] tuples = distinctSeen[f].keys();
        int count = distinctSeen[f].size();
        IntVector tupleGroups = (IntVector) tuples[0];
        for (int t = 0; t < count; t++) {
            offsets[tupleGroups.get(t) + 1]++;
        }
        for (int g = 0; g < groupCount; g++) {
            offsets[g + 1] += offsets[g];
        }
        int[] next = Arrays.copyOf(offsets, groupCount);
        int[] order = new int[count];
        for (int t = 0; t < count; t++) {
            order[next[tupleGroups.get(t)]++] = t;
        }
        List<ColumnVector> arrays = new ArrayList<>();
        for (int a = 0; a < argumentTypes.size(); a++) {
            arrays.add(new ArrayVector(new ArrayType(argumentTypes.get(a), true), groupCount, offsets, tuples[a + 1].gather(order, count), null));
        }
        return arrays;
    }
}
