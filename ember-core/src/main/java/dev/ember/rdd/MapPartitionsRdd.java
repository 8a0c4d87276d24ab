package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/** Each partition computed from the same partition of one parent by a function: map, filter, flatMap, ... */
final class MapPartitionsRdd<P, T> extends Rdd<T> {
    private static final long serialVersionUID = 1L;

    /** What the transformation does to one partition. */
    @FunctionalInterface
    interface PartitionFunction<P, T> extends Serializable {
        Iterator<T> apply(TaskContext task, int partition, Iterator<P> input) throws Exception;
    }

    private final Rdd<P> parent;
    private final PartitionFunction<P, T> function;
    private final boolean preservesPartitioning;

    MapPartitionsRdd(Rdd<P> parent, PartitionFunction<P, T> function, boolean preservesPartitioning) {
        super(parent.context());
        this.parent = parent;
        this.function = function;
        this.preservesPartitioning = preservesPartitioning;
    }

    @Override
    public int getNumPartitions() {
        return parent.getNumPartitions();
    }

    @Override
    protected Iterator<T> compute(int partition, TaskContext task) {
        try {
            return function.apply(task, partition, parent.iterator(partition, task));
        } catch (Exception e) {
            throw Closures.rethrow(e);
        }
    }

    @Override
    protected List<Rdd<?>> narrowParents() {
        return List.of(parent);
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return preservesPartitioning ? parent.partitioner() : Optional.empty();
    }
}
