package dev.ember.accumulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the values added, as Spark's {@code CollectionAccumulator}; the order across tasks is not defined. */
public final class CollectionAccumulator<T> extends AccumulatorV2<T, List<T>> {
    private static final long serialVersionUID = 1L;

    private final List<T> values = Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean isZero() {
        return values.isEmpty();
    }

    @Override
    public CollectionAccumulator<T> copyAndReset() {
        return new CollectionAccumulator<>();
    }

    @Override
    public CollectionAccumulator<T> copy() {
        CollectionAccumulator<T> copy = new CollectionAccumulator<>();
        copy.values.addAll(value());
        return copy;
    }

    @Override
    public void reset() {
        values.clear();
    }

    @Override
    public void add(T value) {
        values.add(value);
    }

    @Override
    public void merge(AccumulatorV2<T, List<T>> other) {
        if (!(other instanceof CollectionAccumulator<T> o)) {
            throw new UnsupportedOperationException("Cannot merge " + getClass().getName() + " with " + other.getClass().getName());
        }
        values.addAll(o.value());
    }

    /** A snapshot of the values, unmodifiable. */
    @Override
    public List<T> value() {
        synchronized (values) {
            return Collections.unmodifiableList(new ArrayList<>(values));
        }
    }
}
