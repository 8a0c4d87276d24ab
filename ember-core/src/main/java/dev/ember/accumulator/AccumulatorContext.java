package dev.ember.accumulator;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's registered accumulators by id, as Spark's {@code AccumulatorContext}; held weakly,
 * so an accumulator the program dropped is forgotten (and its late updates ignored).
 */
public final class AccumulatorContext {
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<Long, WeakReference<AccumulatorV2<?, ?>>> REGISTERED = new ConcurrentHashMap<>();

    private AccumulatorContext() {
    }

    /** Gives the accumulator its id and name, and registers it. */
    public static void register(AccumulatorV2<?, ?> accumulator, String name) {
        accumulator.register(IDS.getAndIncrement(), name);
        REGISTERED.put(accumulator.id(), new WeakReference<>(accumulator));
        REGISTERED.values().removeIf(ref -> ref.get() == null);
    }

    public static Optional<AccumulatorV2<?, ?>> get(long id) {
        WeakReference<AccumulatorV2<?, ?>> ref = REGISTERED.get(id);
        return Optional.ofNullable(ref == null ? null : ref.get());
    }

    /** Merges the copies a successful task attempt updated into the driver's accumulators. */
    public static void mergeTaskUpdates(List<AccumulatorV2<?, ?>> updates) {
        updates.forEach(AccumulatorV2::mergeIntoDriver);
    }
}
