package dev.ember.memory;

import dev.ember.config.EmberConf;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The memory of one executor (in local mode, the session's), shared by two pools as in Spark's
 * unified memory manager: storage (cached blocks, broadcast values) and execution (the state of running operators:
 * aggregation tables, sort buffers). Either may use what the other leaves free. Storage gives back
 * what it borrowed when execution needs it: its blocks beyond {@code storageFraction} of the budget
 * are evicted through the {@link StorageEvictor}. Execution memory is never evicted; an operator
 * refused memory spills instead.
 *
 * <p>Shuffle blocks kept in memory between stages count as storage too ({@link #acquireShuffleStorage}),
 * but no region protects them: they take only free memory and are the first thing written to disk
 * when execution or a cached block needs the room (Spark keeps them on disk from the start).
 *
 * <p>Sizes are estimates: the manager decides what is cached or spilled, it does not measure the heap.
 */
public final class MemoryManager {
    /** The budget's share of the heap when none is configured (Spark's {@code spark.memory.fraction}). */
    public static final String MEMORY_FRACTION = "ember.memory.fraction";
    /** The part of the budget whose cached blocks execution cannot evict (Spark's {@code spark.memory.storageFraction}). */
    public static final String STORAGE_FRACTION = "ember.memory.storageFraction";
    /** The executor's memory; in local mode {@code ember.driver.memory} is read too. */
    public static final String EXECUTOR_MEMORY = "ember.executor.memory";
    public static final String DRIVER_MEMORY = "ember.driver.memory";

    /** Frees storage memory by evicting cached blocks (dropping them, or moving them to disk). */
    @FunctionalInterface
    public interface StorageEvictor {
        /**
         * Evicts blocks until about {@code bytes} are freed, never blocks of {@code protectedOwner}
         * (the RDD whose block is being stored, as Spark never evicts a block to store its sibling).
         * Returns the bytes freed; the evictor releases them through {@link #releaseStorage}.
         */
        long evict(long bytes, Object protectedOwner);
    }

    private final long maxMemory;
    private final long storageRegion;
    private long storageUsed;
    /** The part of {@code storageUsed} held by shuffle blocks. */
    private long shuffleStorage;
    private long executionUsed;
    private final Map<Object, Long> executionByTask = new HashMap<>();
    private int activeTasks;
    private long memoryBytesSpilled;
    private long diskBytesSpilled;
    private final List<StorageEvictor> evictors = new CopyOnWriteArrayList<>();
    private volatile StorageEvictor shuffleEvictor = (bytes, owner) -> 0;

    public MemoryManager(long maxMemory, double storageFraction) {
        this.maxMemory = Math.max(0, maxMemory);
        this.storageRegion = (long) (this.maxMemory * storageFraction);
    }

    /**
     * The budget from settings: {@code ember.executor.memory} (or {@code ember.driver.memory}) when
     * set, else the JVM's maximum heap, times {@code ember.memory.fraction} (0.6).
     */
    public static MemoryManager fromConf(EmberConf conf) {
        long memory = memorySetting(conf, EXECUTOR_MEMORY, memorySetting(conf, DRIVER_MEMORY, Runtime.getRuntime().maxMemory()));
        double fraction = Double.parseDouble(conf.get(MEMORY_FRACTION, "0.6"));
        double storageFraction = Double.parseDouble(conf.get(STORAGE_FRACTION, "0.5"));
        return new MemoryManager((long) (memory * fraction), storageFraction);
    }

    /** A memory size as Spark reads it: a bare number is MiB ({@code 512}), else with a unit ({@code 2g}, {@code 64k}). */
    private static long memorySetting(EmberConf conf, String key, long defaultValue) {
        String value = conf.get(key, null);
        if (value != null && value.trim().matches("\\d+")) {
            return Long.parseLong(value.trim()) << 20;
        }
        return conf.bytesValue(key, defaultValue);
    }

    /** Adds a store of cached blocks that gives memory back when asked (RDD blocks, cached DataFrames). */
    public void addStorageEvictor(StorageEvictor evictor) {
        evictors.add(evictor);
    }

    /** Asks the stores of cached blocks in turn until about {@code bytes} are freed; returns what was. */
    private long evictCached(long bytes, Object protectedOwner) {
        long freed = 0;
        for (StorageEvictor evictor : evictors) {
            if (freed >= bytes) {
                break;
            }
            freed += evictor.evict(bytes - freed, protectedOwner);
        }
        return freed;
    }

    /** Sets what writes shuffle blocks to disk when their memory is needed. */
    public void setShuffleEvictor(StorageEvictor evictor) {
        this.shuffleEvictor = evictor;
    }

    public long maxMemory() {
        return maxMemory;
    }

    /**
     * Reserves {@code bytes} for a cached block, evicting other blocks if that makes room. Refused
     * (false, nothing reserved) when even then it would not fit.
     */
    public boolean acquireStorage(long bytes, Object owner) {
        long missing;
        synchronized (this) {
            if (bytes > maxMemory - executionUsed) {
                return false;
            }
            missing = bytes - free();
            if (missing <= 0) {
                storageUsed += bytes;
                return true;
            }
        }
        missing -= shuffleEvictor.evict(missing, owner);
        if (missing > 0) {
            evictCached(missing, owner);
        }
        synchronized (this) {
            if (bytes <= free()) {
                storageUsed += bytes;
                return true;
            }
            return false;
        }
    }

    public synchronized void releaseStorage(long bytes) {
        storageUsed = Math.max(0, storageUsed - bytes);
        notifyAll();
    }

    /**
     * Reserves {@code bytes} for shuffle blocks out of free memory, evicting nothing; refused
     * (false, nothing reserved) when they do not fit: the blocks then go to disk.
     */
    public synchronized boolean acquireShuffleStorage(long bytes) {
        if (bytes > free()) {
            return false;
        }
        storageUsed += bytes;
        shuffleStorage += bytes;
        return true;
    }

    public synchronized void releaseShuffleStorage(long bytes) {
        long released = Math.min(bytes, shuffleStorage);
        shuffleStorage -= released;
        storageUsed = Math.max(0, storageUsed - released);
        notifyAll();
    }

    /** The storage memory held by shuffle blocks. */
    public synchronized long shuffleStorageUsed() {
        return shuffleStorage;
    }

    /**
     * Grants up to {@code bytes} of execution memory to {@code task}, evicting cached blocks that
     * borrowed beyond the storage region if needed; returns what was granted (possibly less,
     * possibly 0: spill then). As in Spark, each of the N running tasks may hold at most 1/N of
     * what execution can use, so one task's growth cannot starve the others, and waits until it
     * can hold at least its {@link #minimumShare}.
     */
    public long acquireExecution(long bytes, Object task) {
        long reclaim;
        synchronized (this) {
            long wanted = Math.min(bytes, taskRoom(task));
            long free = free();
            if (free >= wanted) {
                return grant(task, wanted);
            }
            reclaim = Math.min(wanted - free, shuffleStorage + Math.max(0, cachedStorage() - storageRegion));
        }
        if (reclaim > 0) {
            reclaim -= shuffleEvictor.evict(reclaim, null);
        }
        if (reclaim > 0) {
            evictCached(reclaim, null);
        }
        synchronized (this) {
            while (true) {
                long granted = Math.min(Math.min(bytes, taskRoom(task)), free());
                long held = executionByTask.getOrDefault(task, 0L);
                if (granted >= bytes || held + granted >= minimumShare() || executionUsed == held) {
                    return grant(task, granted);
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return grant(task, granted);
                }
            }
        }
    }

    /**
     * What a running task is sure to get, as in Spark: half of its share of the memory execution
     * has now. A task that would hold less waits for other tasks to give memory back (they spill
     * or end) rather than being refused: refused, a task with nothing to spill would fail, and
     * which of two tasks got there first would decide which one.
     */
    private long minimumShare() {
        return (maxMemory - storageUsed) / (2L * Math.max(1, activeTasks));
    }

    /** How much more {@code task} may hold: its share of what storage cannot keep from execution, less what it holds. */
    private long taskRoom(Object task) {
        long executionLimit = maxMemory - Math.min(cachedStorage(), storageRegion);
        long share = executionLimit / Math.max(1, activeTasks);
        return Math.max(0, share - executionByTask.getOrDefault(task, 0L));
    }

    private long grant(Object task, long bytes) {
        long granted = Math.max(0, bytes);
        executionUsed += granted;
        executionByTask.merge(task, granted, Long::sum);
        return granted;
    }

    public synchronized void releaseExecution(long bytes, Object task) {
        long held = executionByTask.getOrDefault(task, 0L);
        long released = Math.min(bytes, held);
        executionUsed = Math.max(0, executionUsed - released);
        if (held - released == 0) {
            executionByTask.remove(task);
        } else {
            executionByTask.put(task, held - released);
        }
        notifyAll();
    }

    /** A task began: it counts in the shares of execution memory. */
    public synchronized void taskStarted() {
        activeTasks++;
    }

    public synchronized void taskEnded() {
        activeTasks = Math.max(0, activeTasks - 1);
        notifyAll();
    }

    public synchronized long storageUsed() {
        return storageUsed;
    }

    public synchronized long executionUsed() {
        return executionUsed;
    }

    /**
     * The storage memory held by cached blocks and broadcast values, shuffle blocks aside: what
     * Spark's UI shows as an executor's storage memory used (its shuffle blocks are on disk).
     */
    public synchronized long cachedStorageUsed() {
        return cachedStorage();
    }

    /** Adds a task's spill to the executor's totals (bytes in memory and on disk). */
    synchronized void recordSpill(long memoryBytes, long diskBytes) {
        memoryBytesSpilled += memoryBytes;
        diskBytesSpilled += diskBytes;
    }

    /** The in-memory size of everything spilled by this executor's tasks so far. */
    public synchronized long memoryBytesSpilled() {
        return memoryBytesSpilled;
    }

    /** The bytes this executor's tasks wrote to spill files so far. */
    public synchronized long diskBytesSpilled() {
        return diskBytesSpilled;
    }

    /** Storage held by cached blocks, which the storage region protects from execution. */
    private long cachedStorage() {
        return storageUsed - shuffleStorage;
    }

    private long free() {
        return maxMemory - storageUsed - executionUsed;
    }
}
