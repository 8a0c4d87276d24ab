package dev.ember.exec;

import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.GroupedAccumulator;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The groups of one hash aggregation: their keys ({@link KeyTable}, dense group ids) and one
 * accumulator per aggregate. It folds raw rows or merges states, and can write itself out as
 * <em>spill rows</em> — the keys, then each aggregate's state columns — which a fresh table merges
 * back ({@link #mergeSpilled}). DISTINCT aggregates never get here: the planner rewrites them into
 * aggregations by their arguments. Used by one thread.
 */
final class GroupTable {
    private final List<DataType> keyTypes;
    private final List<AggregateFunction> functions;
    /** {@code null} without grouping keys: then there is exactly one group. */
    private final KeyTable keys;
    /** The ids of keys that are strings of small dictionaries, without a probe per row; {@code null} without keys. */
    private final DictionaryGroups dictionaryGroups;
    private final GroupedAccumulator[] accumulators;
    /** Groups from which {@link #rarelyRevisited} judges (a table of about a megabyte of slots). */
    static final int REVISIT_CHECK_GROUPS = 1 << 16;

    GroupTable(List<DataType> keyTypes, List<AggregateFunction> functions) {
        this.keyTypes = keyTypes;
        this.functions = functions;
        this.keys = keyTypes.isEmpty() ? null : new KeyTable(keyTypes);
        this.dictionaryGroups = keys == null ? null : new DictionaryGroups(keys);
        this.accumulators = new GroupedAccumulator[functions.size()];
        for (int f = 0; f < accumulators.length; f++) {
            accumulators[f] = functions.get(f).newAccumulator();
        }
    }

    /** The columns of spill rows: the keys, then each aggregate's state. */
    static List<DataType> spillTypes(List<DataType> keyTypes, List<AggregateFunction> functions) {
        List<DataType> types = new ArrayList<>(keyTypes);
        functions.forEach(function -> types.addAll(function.stateTypes()));
        return types;
    }

    /** The number of groups (1 without keys, whatever was folded). */
    int size() {
        return keys == null ? 1 : keys.size();
    }

    /**
     * Whether a partial aggregation gains little by keeping these groups: many of them, and probing
     * found an existing group for fewer rows than a sixteenth of the groups (keys that come in runs,
     * as lineitem's l_orderkey, or that hardly repeat). Emitting them then keeps the table small
     * enough for the caches; the final aggregation merges what repeats anyway. Keys that do repeat,
     * even rarely at first (q17's l_partkey: 200,000 keys, 30 rows each, scattered), keep the table.
     */
    boolean rarelyRevisited() {
        return keys != null && keys.size() >= REVISIT_CHECK_GROUPS && keys.probeHits() * 16 < keys.size();
    }

    boolean hasKeys() {
        return keys != null;
    }

    long retainedBytes() {
        long bytes = keys == null ? 0 : keys.retainedBytes();
        for (GroupedAccumulator accumulator : accumulators) {
            bytes += accumulator.retainedBytes();
        }
        return bytes;
    }

    private int[] groups(ColumnVector[] keyColumns, int n) {
        if (keys == null) {
            return new int[n];
        }
        int[] ids = dictionaryGroups.groups(keyColumns, n);
        return ids != null ? ids : keys.findOrInsert(keyColumns, n);
    }

    /** Folds raw rows: {@code arguments[f]} are aggregate f's evaluated arguments. */
    void fold(ColumnVector[] keyColumns, ColumnVector[][] arguments, int n) {
        int[] groups = groups(keyColumns, n);
        for (int f = 0; f < accumulators.length; f++) {
            accumulators[f].update(groups, n, functions.get(f).inputs(arguments[f]));
        }
    }

    /** Merges spill rows, as {@link #spillRows} writes them. */
    void mergeSpilled(Batch rows) {
        int n = rows.rowCount();
        int column = keyTypes.size();
        int[] groups = groups(rows.columns().subList(0, column).toArray(new ColumnVector[0]), n);
        for (int f = 0; f < accumulators.length; f++) {
            int width = functions.get(f).stateTypes().size();
            accumulators[f].merge(groups, n, rows.columns().subList(column, column + width).toArray(new ColumnVector[0]));
            column += width;
        }
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
        for (GroupedAccumulator accumulator : accumulators) {
            columns.addAll(Arrays.asList(accumulator.state(groupCount)));
        }
        return new Batch(columns, groupCount);
    }

    /** The key hash of each group, in group order. */
    int[] hashes() {
        return keys.hashes();
    }
}
