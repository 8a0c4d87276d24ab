package dev.ember.scheduler;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.memory.MemoryManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values made once per process from a shuffle's output and shared read-only by the process's tasks
 * (a broadcast join's hash table, as Spark's tasks share one broadcast relation): the first task
 * that asks builds the value, tasks asking meanwhile wait for it, later ones reuse it.
 *
 * <p>A value outlives the task that built it, so its memory is storage memory of the process,
 * reserved by the builder as the value grows ({@link Reservation}). A builder refused memory
 * declines (its value is {@code null}) and every task then does without: what it would have shared
 * each task builds within its own execution memory, which can spill. Values are released with
 * their shuffle ({@link ShuffleStore#remove}): when the query no longer reads it, on the driver
 * and, told by the driver, on each executor.
 */
public final class SharedShuffleValues {
    private final MemoryManager memory;
    private final Map<Key, Entry> entries = new HashMap<>();

    SharedShuffleValues(MemoryManager memory) {
        this.memory = memory;
    }

    private record Key(int shuffleId, Object purpose) {
    }

    /** The storage memory a value being built holds; given back when the value is released or declined. */
    public final class Reservation {
        private final Object owner;
        private long bytes;

        private Reservation(Key key) {
            this.owner = "shared_shuffle_" + key.shuffleId();
        }

        /** Reserves {@code more} bytes of storage memory (evicting cached blocks if that makes room); false when refused. */
        public boolean tryReserve(long more) {
            if (more <= 0) {
                return true;
            }
            if (!memory.acquireStorage(more, owner)) {
                return false;
            }
            synchronized (this) {
                bytes += more;
            }
            return true;
        }

        /** Gives back {@code less} of the bytes reserved (an estimate turned out too high, a copy was made). */
        public synchronized void release(long less) {
            long released = Math.min(Math.max(0, less), bytes);
            bytes -= released;
            memory.releaseStorage(released);
        }

        public synchronized long reserved() {
            return bytes;
        }

        private void releaseAll() {
            release(Long.MAX_VALUE);
        }
    }

    private final class Entry {
        final CompletableFuture<Object> value = new CompletableFuture<>();
        final Reservation reservation;
        /** Set once the value is published: from then on {@link #remove} releases its memory, before that its builder does. */
        boolean published;

        Entry(Key key) {
            reservation = new Reservation(key);
        }
    }

    /**
     * The value made from shuffle {@code shuffleId} for {@code purpose} (equal purposes share a
     * value), built by {@code build} if no task of this process built it yet. {@code build}
     * reserves the value's memory through the reservation it is given and returns {@code null} to
     * decline (memory was refused); the answer is then {@code null} for every task until the
     * shuffle is removed. If the builder fails, a waiting task builds it instead.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(int shuffleId, Object purpose, Function<Reservation, V> build) {
        Key key = new Key(shuffleId, purpose);
        while (true) {
            Entry entry;
            boolean builder;
            synchronized (this) {
                entry = entries.get(key);
                builder = entry == null;
                if (builder) {
                    entry = new Entry(key);
                    entries.put(key, entry);
                }
            }
            if (builder) {
                return (V) build(key, entry, build);
            }
            try {
                return (V) entry.value.get();
            } catch (ExecutionException builderFailed) {
                // The builder's task failed (the entry is gone): this one tries.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EmberException.of(ErrorClass.TASK_FAILED, "task", "waiting for a value shared by the tasks of this process",
                        "detail", "interrupted");
            }
        }
    }

    private Object build(Key key, Entry entry, Function<Reservation, ?> build) {
        Object value;
        try {
            value = build.apply(entry.reservation);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            entry.reservation.releaseAll();
            entry.value.completeExceptionally(e);
            throw e;
        }
        boolean kept;
        synchronized (this) {
            kept = entries.get(key) == entry;
            entry.published = kept;
        }
        if (!kept || value == null) {
            entry.reservation.releaseAll(); // removed while it was built (nobody reads the shuffle now), or declined
        }
        entry.value.complete(value);
        return value;
    }

    /** Releases the values made from shuffle {@code shuffleId}: it is removed. */
    void remove(int shuffleId) {
        release(key -> key.shuffleId() == shuffleId);
    }

    /** Releases every value (the store closes). */
    void clear() {
        release(key -> true);
    }

    private void release(Predicate<Key> which) {
        List<Entry> removed = new ArrayList<>();
        synchronized (this) {
            entries.entrySet().removeIf(held -> {
                if (which.test(held.getKey())) {
                    removed.add(held.getValue());
                    return true;
                }
                return false;
            });
        }
        for (Entry entry : removed) {
            boolean published;
            synchronized (this) {
                published = entry.published;
            }
            if (published) {
                entry.reservation.releaseAll();
            }
        }
    }

    /** The storage memory the values held now reserve (for tests and metrics). */
    public synchronized long reservedBytes() {
        long total = 0;
        for (Entry entry : entries.values()) {
            total += entry.published ? entry.reservation.reserved() : 0;
        }
        return total;
    }
}
