package dev.ember.broadcast;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A read-only value shared with every task, as Spark's {@code Broadcast} (made by
 * {@code EmberContext.broadcast}). The value is held by the process's {@link BroadcastStore}, in
 * storage memory or on disk; in local mode tasks share the driver's. It is serialized as its id: a
 * copy read in the process that has the broadcast (the driver checking a closure) is that
 * broadcast. Another process (a cluster's executor) gets the value through its
 * {@link #readValuesFrom store} when a task first uses it, once per process rather than with every
 * task (as Spark's {@code TorrentBroadcast}); that value must then be serializable, as in Spark. A
 * value read back from disk is kept softly, as Spark does, so that tasks do not read it each time.
 */
public final class Broadcast<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong IDS = new AtomicLong();
    /** The broadcasts of this process by id, for resolving serialized ones; weak, so a dropped broadcast is freed. */
    private static final Map<Long, WeakReference<Broadcast<?>>> LIVE = new ConcurrentHashMap<>();
    /** What holds the values of broadcasts this process did not make (an executor's, fetching them from its driver); none on the driver. */
    private static volatile BroadcastStore remoteValues;
    /** Told the id of each broadcast unpersisted or destroyed here, so that the copies elsewhere go. */
    private static final Set<LongConsumer> REMOVAL_LISTENERS = new CopyOnWriteArraySet<>();

    private final long id;
    private final transient BroadcastStore store;
    /** The value last read, kept until memory is short. */
    private transient volatile SoftReference<T> value = new SoftReference<>(null);
    private transient volatile String destroySite;

    private Broadcast(long id, BroadcastStore store) {
        this.id = id;
        this.store = store;
    }

    /** A new broadcast of {@code value}, held by {@code store} (the process's). */
    public static <T> Broadcast<T> of(T value, BroadcastStore store) {
        Broadcast<T> broadcast = new Broadcast<>(IDS.getAndIncrement(), store);
        store.put(broadcast.id, value);
        LIVE.values().removeIf(ref -> ref.get() == null);
        LIVE.put(broadcast.id, new WeakReference<>(broadcast));
        return broadcast;
    }

    /** Makes this process read the broadcasts it does not have through {@code store}, which fetches them by id. */
    public static void readValuesFrom(BroadcastStore store) {
        remoteValues = store;
    }

    /** This process's live broadcast {@code id}, whose value another process asks for; empty once it is garbage or destroyed. */
    public static Optional<Broadcast<?>> live(long id) {
        WeakReference<Broadcast<?>> live = LIVE.get(id);
        return Optional.ofNullable(live == null ? null : live.get());
    }

    /** Calls {@code listener} with the id of each broadcast unpersisted or destroyed in this process, until {@link #removeRemovalListener}. */
    public static void addRemovalListener(LongConsumer listener) {
        REMOVAL_LISTENERS.add(listener);
    }

    public static void removeRemovalListener(LongConsumer listener) {
        REMOVAL_LISTENERS.remove(listener);
    }

    public long id() {
        return id;
    }

    @SuppressWarnings("unchecked")
    public T value() {
        assertValid();
        T read = value.get();
        if (read == null) {
            read = (T) store.get(id);
            value = new SoftReference<>(read);
        }
        return read;
    }

    /**
     * Deletes the executors' copies; the value stays on the driver and is fetched again when used.
     * In local mode there are no copies, so this only checks the broadcast is still valid.
     */
    public void unpersist() {
        unpersist(false);
    }

    public void unpersist(boolean blocking) {
        assertValid();
        REMOVAL_LISTENERS.forEach(listener -> listener.accept(id));
    }

    /** Deletes the value everywhere; using the broadcast afterwards fails. */
    public void destroy() {
        destroy(false);
    }

    public synchronized void destroy(boolean blocking) {
        assertValid();
        destroySite = callSite();
        value = new SoftReference<>(null);
        store.remove(id);
        LIVE.remove(id);
        REMOVAL_LISTENERS.forEach(listener -> listener.accept(id));
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
        return new Reference(id, destroySite);
    }

    @Override
    public String toString() {
        return "Broadcast(" + id + ")";
    }

    /**
     * A broadcast as serialized: destroyed if it was where it was written, else the live broadcast
     * of its id when there is one, else one whose value this process's store fetches when used.
     */
    private record Reference(long id, String destroySite) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            if (destroySite != null) {
                Broadcast<Object> destroyed = new Broadcast<>(id, remoteValues);
                destroyed.destroySite = destroySite;
                return destroyed;
            }
            WeakReference<Broadcast<?>> live = LIVE.get(id);
            Broadcast<?> broadcast = live == null ? null : live.get();
            if (broadcast != null) {
                return broadcast;
            }
            BroadcastStore store = remoteValues;
            if (store == null) {
                throw new InvalidObjectException("Failed to get broadcast_" + id);
            }
            Broadcast<Object> received = new Broadcast<>(id, store);
            LIVE.put(id, new WeakReference<>(received));
            return received;
        }
    }
}
