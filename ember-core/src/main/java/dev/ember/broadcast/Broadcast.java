package dev.ember.broadcast;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A read-only value shared with every task, as Spark's {@code Broadcast} (made by
 * {@code EmberContext.broadcast}). In local mode tasks share the driver's value by reference. It
 * is serialized as its id: a copy read in the process that has the broadcast (the driver checking
 * a closure) is that broadcast. A task sent to another process (a cluster's executor) carries the
 * value too ({@link #carryingValues}), which becomes the broadcast there; that value must then be
 * serializable, as in Spark.
 */
public final class Broadcast<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong IDS = new AtomicLong();
    /** The broadcasts of this process by id, for resolving serialized ones; weak, so a dropped broadcast is freed. */
    private static final Map<Long, WeakReference<Broadcast<?>>> LIVE = new ConcurrentHashMap<>();
    /** Whether broadcasts serialized by this thread now carry their values. */
    private static final ThreadLocal<Boolean> CARRY_VALUES = ThreadLocal.withInitial(() -> false);

    private final long id;
    private transient volatile T value;
    private transient volatile String destroySite;

    private Broadcast(long id, T value) {
        this.id = id;
        this.value = value;
    }

    public static <T> Broadcast<T> of(T value) {
        Broadcast<T> broadcast = new Broadcast<>(IDS.getAndIncrement(), value);
        LIVE.values().removeIf(ref -> ref.get() == null);
        LIVE.put(broadcast.id, new WeakReference<>(broadcast));
        return broadcast;
    }

    /** Runs a serialization for another process: the broadcasts it writes carry their values. */
    public static <R> R carryingValues(Supplier<R> serialization) {
        boolean outer = CARRY_VALUES.get();
        CARRY_VALUES.set(true);
        try {
            return serialization.get();
        } finally {
            CARRY_VALUES.set(outer);
        }
    }

    public long id() {
        return id;
    }

    public T value() {
        assertValid();
        return value;
    }

    /**
     * Deletes the executors' copies; the value stays on the driver and is sent again when used.
     * In local mode there are no copies, so this only checks the broadcast is still valid.
     */
    public void unpersist() {
        unpersist(false);
    }

    public void unpersist(boolean blocking) {
        assertValid();
    }

    /** Deletes the value everywhere; using the broadcast afterwards fails. */
    public void destroy() {
        destroy(false);
    }

    public synchronized void destroy(boolean blocking) {
        assertValid();
        destroySite = callSite();
        value = null;
        LIVE.remove(id);
    }

    private void assertValid() {
        if (destroySite != null) {
            throw new IllegalStateException("Attempted to use " + this + " after it was destroyed (" + destroySite + ") ");
        }
    }

    /** Where the program called {@code destroy}, as Spark names it: {@code destroy at Program.java:42}. */
    private static String callSite() {
        StackTraceElement[] frames = Thread.currentThread().getStackTrace();
        int caller = frames.length - 1;
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].getClassName().equals(Broadcast.class.getName())) {
                caller = Math.min(i + 1, frames.length - 1);
                break;
            }
        }
        return "destroy at " + frames[caller].getFileName() + ":" + frames[caller].getLineNumber();
    }

    private Object writeReplace() throws ObjectStreamException {
        boolean carry = CARRY_VALUES.get();
        return new Reference(id, carry, carry ? value : null, destroySite);
    }

    @Override
    public String toString() {
        return "Broadcast(" + id + ")";
    }

    /** A broadcast as serialized: resolved to the live broadcast of its id when there is one, else made from the value carried. */
    private record Reference(long id, boolean carried, Object value, String destroySite) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            WeakReference<Broadcast<?>> live = LIVE.get(id);
            Broadcast<?> broadcast = live == null ? null : live.get();
            if (broadcast != null) {
                return broadcast;
            }
            if (!carried) {
                throw new java.io.InvalidObjectException("Failed to get broadcast_" + id);
            }
            Broadcast<Object> received = new Broadcast<>(id, value);
            received.destroySite = destroySite;
            LIVE.put(id, new WeakReference<>(received));
            return received;
        }
    }
}
