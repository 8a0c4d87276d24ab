package dev.ember.memory;

import java.io.IOException;

/**
 * An operator's state that grows in memory (an aggregation table, a sort buffer, a join's build
 * side) and can give memory back by spilling to disk. It reserves memory from its task's
 * {@link TaskMemory} before it grows; when the reservation is refused, it (or another consumer of
 * the same task, asked by the task) spills.
 */
public abstract class MemoryConsumer {
    private final TaskMemory memory;
    private final String name;
    private long reserved;
    private long peakReserved;
    private boolean reservingGrowth;

    protected MemoryConsumer(TaskMemory memory, String name) {
        this.memory = memory;
        this.name = name;
        memory.register(this);
    }

    /** What the consumer is, for error messages and metrics ({@code SortExec}, {@code HashAggregateExec}). */
    public final String name() {
        return name;
    }

    public final TaskMemory memory() {
        return memory;
    }

    /** The memory this consumer holds. */
    public final synchronized long reserved() {
        return reserved;
    }

    /**
     * Reserves {@code bytes} more, asking the task's other consumers and then this one to spill
     * when the budget is short. Returns whether all of it was granted; when not, nothing is held
     * for this request and the caller must spill (or fail, if it cannot) instead of growing.
     */
    public final boolean tryReserve(long bytes) {
        long granted = memory.acquire(this, bytes);
        if (granted < bytes) {
            memory.release(this, granted);
            return false;
        }
        return true;
    }

    /**
     * Reserves what the state grew to beyond what is held: {@code size} in all. While this runs,
     * {@link #reservingGrowth()} is true, so that this consumer's {@link #spill} (which the task may
     * call to make room) can leave its own state alone: the caller handles a refusal itself.
     */
    public final boolean tryReserveUpTo(long size) {
        long needed = size - reserved();
        if (needed <= 0) {
            return true;
        }
        reservingGrowth = true;
        try {
            return tryReserve(needed);
        } finally {
            reservingGrowth = false;
        }
    }

    /** Whether this consumer is inside {@link #tryReserveUpTo}, asking for room for its own growth. */
    protected final boolean reservingGrowth() {
        return reservingGrowth;
    }

    /** Gives back {@code bytes} of what this consumer holds. */
    public final void release(long bytes) {
        memory.release(this, Math.min(bytes, reserved()));
    }

    /** Gives back everything this consumer holds (when its state is freed or written out). */
    public final void releaseAll() {
        memory.release(this, reserved());
    }

    /** The most this consumer held at once. */
    public final synchronized long peakReserved() {
        return peakReserved;
    }

    final synchronized void add(long bytes) {
        reserved += bytes;
        peakReserved = Math.max(peakReserved, reserved);
    }

    /**
     * Writes state to disk to free memory, about {@code needed} bytes if it can; returns the bytes
     * it released (through {@link #release}); 0 when it has nothing it can spill now. Called by
     * the task, on the task's thread, while another consumer (or this one) is reserving.
     */
    public abstract long spill(long needed) throws IOException;
}
