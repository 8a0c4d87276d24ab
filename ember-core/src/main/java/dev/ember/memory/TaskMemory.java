package dev.ember.memory;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One task attempt's execution memory: what its {@link MemoryConsumer}s hold, reserved from the
 * executor's {@link MemoryManager}. When the manager grants less than asked, the task asks its
 * consumers to spill, the largest first (the requester last), as Spark's task memory manager does,
 * then asks again. Everything is given back when the task ends ({@link #close}), however it ends.
 * Also counts what the task spilled, for its metrics.
 */
public final class TaskMemory implements AutoCloseable {
    private final MemoryManager manager;
    private final SpillDirectory spills;
    private final List<MemoryConsumer> consumers = new ArrayList<>();
    private long held;
    private long peak;
    private long memoryBytesSpilled;
    private long diskBytesSpilled;
    private Observer observer;

    /** Told, on the task's thread, of consumers as they are made and of spills as they are recorded: per-operator metrics. */
    public interface Observer {
        void registered(MemoryConsumer consumer);

        void spilled(long memoryBytes, long diskBytes);
    }

    public TaskMemory(MemoryManager manager, SpillDirectory spills) {
        this.manager = manager;
        this.spills = spills;
        manager.taskStarted();
    }

    /** Where this task's consumers write what they spill (deleted when the task ends). */
    public SpillDirectory spills() {
        return spills;
    }

    /** Sets the one observer of this task's consumers and spills. */
    public synchronized void observe(Observer observer) {
        this.observer = observer;
    }

    synchronized void register(MemoryConsumer consumer) {
        consumers.add(consumer);
        if (observer != null) {
            observer.registered(consumer);
        }
    }

    /** Grants up to {@code bytes} to {@code consumer}, spilling consumers of this task to make room. */
    long acquire(MemoryConsumer requester, long bytes) {
        if (bytes <= 0) {
            return 0;
        }
        long granted = manager.acquireExecution(bytes, this);
        if (granted < bytes) {
            List<MemoryConsumer> others;
            synchronized (this) {
                others = new ArrayList<>(consumers);
            }
            others.remove(requester);
            others.sort(Comparator.comparingLong(MemoryConsumer::reserved).reversed());
            others.add(requester);
            for (MemoryConsumer consumer : others) {
                if (granted >= bytes) {
                    break;
                }
                if (consumer.reserved() > 0 && spill(consumer, bytes - granted) > 0) {
                    granted += manager.acquireExecution(bytes - granted, this);
                }
            }
        }
        synchronized (this) {
            requester.add(granted);
            held += granted;
            peak = Math.max(peak, held);
        }
        return granted;
    }

    private static long spill(MemoryConsumer consumer, long needed) {
        try {
            return consumer.spill(needed);
        } catch (IOException e) {
            throw new UncheckedIOException("spilling " + consumer.name() + " failed", e);
        }
    }

    void release(MemoryConsumer consumer, long bytes) {
        if (bytes <= 0) {
            return;
        }
        synchronized (this) {
            consumer.add(-bytes);
            held -= bytes;
        }
        manager.releaseExecution(bytes, this);
    }

    /** Counts bytes a consumer wrote out: their size in memory and on disk (Spark's two spill metrics). */
    public synchronized void recordSpill(long memoryBytes, long diskBytes) {
        memoryBytesSpilled += memoryBytes;
        diskBytesSpilled += diskBytes;
        manager.recordSpill(memoryBytes, diskBytes);
        if (observer != null) {
            observer.spilled(memoryBytes, diskBytes);
        }
    }

    public synchronized long memoryBytesSpilled() {
        return memoryBytesSpilled;
    }

    public synchronized long diskBytesSpilled() {
        return diskBytesSpilled;
    }

    /** The most execution memory this task held at once. */
    public synchronized long peakExecutionMemory() {
        return peak;
    }

    /**
     * The error for state that cannot be made to fit even after spilling (a single row larger than
     * the budget, say): names the operator, the budget and the setting to change.
     */
    public EmberException outOfMemory(MemoryConsumer consumer, long bytes) {
        return EmberException.of(ErrorClass.EXECUTION_MEMORY_EXCEEDED, "operator", consumer.name(),
                "bytes", bytes, "budget", manager.maxMemory(), "setting", MemoryManager.EXECUTOR_MEMORY);
    }

    /** Gives back all memory still held and deletes the spill files: the task is over. */
    @Override
    public void close() {
        long remaining;
        synchronized (this) {
            remaining = held;
            held = 0;
            consumers.forEach(c -> c.add(-c.reserved()));
            consumers.clear();
        }
        manager.releaseExecution(remaining, this);
        manager.taskEnded();
        spills.close();
    }
}
