package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A driver-side list cut into slices: slice {@code i} of {@code n} holds elements
 * {@code [i*len/n, (i+1)*len/n)}, the same cut Spark makes, so per-partition results agree. No
 * slices makes the empty RDD.
 */
final class ParallelCollectionRdd<T> extends Rdd<T> {
    private static final long serialVersionUID = 1L;

    private final List<T> elements;
    private final int slices;

    ParallelCollectionRdd(EmberContext context, List<T> elements, int slices) {
        super(context);
        this.elements = new ArrayList<>(elements);
        this.slices = slices;
    }

    @Override
    public int getNumPartitions() {
        return slices;
    }

    @Override
    protected Iterator<T> compute(int partition, TaskContext task) {
        long length = elements.size();
        int start = (int) (partition * length / slices);
        int end = (int) ((partition + 1) * length / slices);
        return elements.subList(start, end).iterator();
    }
}
