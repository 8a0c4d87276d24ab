package dev.ember.accumulator;

import dev.ember.exec.TaskContext;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * A value tasks add to and the driver reads, as Spark's {@code AccumulatorV2}. Registered with the
 * context ({@code longAccumulator(name)}, {@code register(acc, name)}) before tasks use it. A task
 * never updates the driver's instance: it gets its own zero copy (the driver's instance is
 * replaced by {@link #copyAndReset} when a closure is serialized for the task), and the scheduler
 * merges that copy into the driver's instance when the task succeeds. Copies of failed attempts
 * are dropped, so updates inside actions count once per successful task; updates inside
 * transformations count again whenever a partition is recomputed.
 */
public abstract class AccumulatorV2<IN, OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    private Metadata metadata;
    /** True for the driver's instance; a copy deserialized inside a task is not. */
    private boolean atDriverSide = true;

    record Metadata(long id, String name) implements Serializable {
    }

    final void register(long id, String name) {
        if (metadata != null) {
            throw new IllegalStateException("Cannot register an Accumulator twice.");
        }
        metadata = new Metadata(id, name);
    }

    public final boolean isRegistered() {
        return metadata != null && AccumulatorContext.get(metadata.id()).isPresent();
    }

    public final long id() {
        return assertRegistered().id();
    }

    public final Optional<String> name() {
        return metadata == null ? Optional.empty() : Optional.ofNullable(metadata.name());
    }

    private Metadata assertRegistered() {
        if (metadata == null) {
            throw new IllegalStateException("The metadata of this accumulator has not been assigned yet.");
        }
        return metadata;
    }

    /** Whether this holds the zero value (nothing added since it was made or reset). */
    public abstract boolean isZero();

    public AccumulatorV2<IN, OUT> copyAndReset() {
        AccumulatorV2<IN, OUT> copy = copy();
        copy.reset();
        return copy;
    }

    public abstract AccumulatorV2<IN, OUT> copy();

    public abstract void reset();

    public abstract void add(IN value);

    /** Adds what {@code other} (of the same kind) holds into this one. */
    public abstract void merge(AccumulatorV2<IN, OUT> other);

    public abstract OUT value();

    /** Serialized for a task: a zero copy carrying this one's identity, never this one's value. */
    protected final Object writeReplace() {
        if (metadata == null) {
            throw new UnsupportedOperationException("Accumulator must be registered before send to executor");
        }
        if (!atDriverSide) {
            return this;
        }
        AccumulatorV2<IN, OUT> copy = copyAndReset();
        copy.metadata = metadata;
        return copy;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (atDriverSide) {
            atDriverSide = false;
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.registerAccumulator(this);
            }
        } else {
            atDriverSide = true;
        }
    }

    /** Merges a task's copy into the driver's instance, if that is still registered. */
    static void mergeIntoDriver(AccumulatorV2<?, ?> copy) {
        AccumulatorContext.get(copy.id()).ifPresent(driver -> mergeUnchecked(driver, copy));
    }

    @SuppressWarnings("unchecked")
    private static <I, O> void mergeUnchecked(AccumulatorV2<I, O> driver, AccumulatorV2<?, ?> copy) {
        synchronized (driver) {
            driver.merge((AccumulatorV2<I, O>) copy);
        }
    }

    @Override
    public String toString() {
        if (metadata == null) {
            return "Un-registered Accumulator: " + getClass().getSimpleName();
        }
        return getClass().getSimpleName() + "(id: " + metadata.id() + ", name: "
                + (metadata.name() == null ? "None" : "Some(" + metadata.name() + ")") + ", value: " + value() + ")";
    }
}
