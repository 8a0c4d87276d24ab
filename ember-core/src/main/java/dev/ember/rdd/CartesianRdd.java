package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import java.util.Iterator;
import java.util.List;

/**
 * Every pair of an element of one RDD and an element of another: partition {@code i * n + j}
 * pairs partition {@code i} of the first with partition {@code j} of the second ({@code n}
 * partitions), the second's partition read once per element of the first, as in Spark.
 */
final class CartesianRdd<A, B> extends Rdd<Pair<A, B>> {
    private static final long serialVersionUID = 1L;

    private final Rdd<A> first;
    private final Rdd<B> second;

    CartesianRdd(Rdd<A> first, Rdd<B> second) {
        super(first.context());
        this.first = first;
        this.second = second;
    }

    @Override
    public int getNumPartitions() {
        return first.getNumPartitions() * second.getNumPartitions();
    }

    @Override
    protected Iterator<Pair<A, B>> compute(int partition, TaskContext task) {
        int n = second.getNumPartitions();
        return Iterators.flatMap(first.iterator(partition / n, task),
                a -> Iterators.map(second.iterator(partition % n, task), b -> Pair.of(a, b)));
    }

    @Override
    protected List<Rdd<?>> narrowParents() {
        return List.of(first, second);
    }
}
