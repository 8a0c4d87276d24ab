package dev.ember.expr.aggregate;

import dev.ember.vector.ColumnVector;

/**
 * The per-task state of one aggregate over many groups, indexed by dense group id. Used by one
 * thread: the hash aggregation operator that owns it.
 */
public interface GroupedAccumulator {
    /** Folds raw input rows: row {@code i} of {@code input} belongs to group {@code groupIds[i]}. Groups may be new. */
    void update(int[] groupIds, int rowCount, ColumnVector input);

    /** Folds raw input rows of several columns, as {@link AggregateFunction#inputs} makes them; one column unless overridden. */
    default void update(int[] groupIds, int rowCount, ColumnVector[] inputs) {
        update(groupIds, rowCount, inputs[0]);
    }

    /** Merges intermediate states (as produced by {@link #state}) into the groups given. Groups may be new. */
    void merge(int[] groupIds, int rowCount, ColumnVector[] state);

    /** The intermediate state of groups {@code [0, groupCount)}, one vector per state type. */
    ColumnVector[] state(int groupCount);

    /** The final value of groups {@code [0, groupCount)}. */
    ColumnVector result(int groupCount);

    /** Bytes held, for memory accounting. */
    long retainedBytes();
}
