package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The i-th elements of two RDDs with the same partitions paired up ({@code zip}), as Spark's. */
final class ZippedRdd<A, B> extends Rdd<Pair<A, B>> {
    private static final long serialVersionUID = 1L;

    private final Rdd<A> first;
    private final Rdd<B> second;

    ZippedRdd(Rdd<A> first, Rdd<B> second) {
        super(first.context());
        if (first.getNumPartitions() != second.getNumPartitions()) {
            throw new IllegalArgumentException("Can't zip RDDs with unequal numbers of partitions: List("
                    + first.getNumPartitions() + ", " + second.getNumPartitions() + ")");
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public int getNumPartitions() {
        return first.getNumPartitions();
    }

    @Override
    protected Iterator<Pair<A, B>> compute(int partition, TaskContext task) {
        Iterator<A> left = first.iterator(partition, task);
        Iterator<B> right = second.iterator(partition, task);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = left.hasNext();
                if (more != right.hasNext()) {
                    throw new IllegalStateException("Can only zip RDDs with same number of elements in each partition");
                }
                return more;
            }

            @Override
            public Pair<A, B> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return Pair.of(left.next(), right.next());
            }
        };
    }

    @Override
    protected List<Rdd<?>> narrowParents() {
        return List.of(first, second);
    }
}
