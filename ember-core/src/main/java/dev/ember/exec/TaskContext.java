package dev.ember.exec;

import static java.util.Objects.requireNonNull;

import dev.ember.memory.MemoryManager;
import dev.ember.memory.SpillDirectory;
import dev.ember.memory.TaskMemory;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.scheduler.TaskMetrics;
import java.nio.file.Path;
import dev.ember.accumulator.AccumulatorV2;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a running task can reach: its stage, partition and attempt, and the shuffle outputs of
 * earlier stages. As in Spark, code running inside a task (an RDD function, say) finds its
 * context with {@link #get()}.
 */
public final class TaskContext {
    private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

    private final int stageId;
    private final int partition;
    private final int attemptNumber;
    private final long taskAttemptId;
    private final ShuffleStore shuffles;
    private final TaskMemory memory;
    /** This attempt's copies of accumulators, merged into the driver's when it succeeds. */
    private final List<AccumulatorV2<?, ?>> accumulators = new ArrayList<>();
    private final Map<Object, Object> taskLocals = new IdentityHashMap<>();
    private final List<AutoCloseable> completionListeners = new ArrayList<>();
    private final TaskMetrics.Recorder metrics = new TaskMetrics.Recorder();
    private final TaskOperatorMetrics operatorMetrics = new TaskOperatorMetrics();

    public TaskContext(int stageId, int partition, int attemptNumber, long taskAttemptId, ShuffleStore shuffles, TaskMemory memory) {
        this.stageId = stageId;
        this.partition = partition;
        this.attemptNumber = attemptNumber;
        this.taskAttemptId = taskAttemptId;
        this.shuffles = requireNonNull(shuffles, "shuffles is null");
        this.memory = requireNonNull(memory, "memory is null");
        memory.observe(operatorMetrics);
    }

    /**
     * A context outside any scheduler, with {@code memoryBudget} bytes of execution memory and
     * spill files under the temporary directory: for benchmarks and tests that drive operators
     * directly. Close its {@link #memory()} when done.
     */
    public static TaskContext detached(long memoryBudget) {
        MemoryManager manager = new MemoryManager(memoryBudget, 0);
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        TaskMemory memory = new TaskMemory(manager, new SpillDirectory(temporary, "ember-task-"));
        return new TaskContext(0, 0, 0, 0, new ShuffleStore(manager, temporary), memory);
    }

    /** The context of the task running on this thread, or {@code null} outside tasks (on the driver). */
    public static TaskContext get() {
        return CURRENT.get();
    }

    /** Makes this the context of the calling thread until the returned scope is closed. */
    public Scope enter() {
        TaskContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }

    /** The span during which a context is current. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public int stageId() {
        return stageId;
    }

    public int partition() {
        return partition;
    }

    /** Spark's name for {@link #partition()}. */
    public int partitionId() {
        return partition;
    }

    /** 0 for the first attempt of this task, 1 for its first retry, and so on. */
    public int attemptNumber() {
        return attemptNumber;
    }

    /** Unique among all task attempts of the process. */
    public long taskAttemptId() {
        return taskAttemptId;
    }

    public ShuffleStore shuffles() {
        return shuffles;
    }

    /** The task's execution memory, which operators reserve before their state grows, and its spill files. */
    public TaskMemory memory() {
        return memory;
    }

    /** Where operators count what the attempt read and wrote, for its {@link TaskMetrics}. */
    public TaskMetrics.Recorder metrics() {
        return metrics;
    }

    /** Where each plan node's operators count their rows, time, spills and reads, for the query's per-operator metrics. */
    public TaskOperatorMetrics operatorMetrics() {
        return operatorMetrics;
    }

    /** Registers this attempt's copy of an accumulator (done as the copy is deserialized into the task). */
    public synchronized void registerAccumulator(AccumulatorV2<?, ?> copy) {
        accumulators.add(copy);
    }

    /** The accumulator copies this attempt updated: the scheduler merges them when the attempt succeeds, and drops them otherwise. */
    public synchronized List<AccumulatorV2<?, ?>> accumulators() {
        return List.copyOf(accumulators);
    }

    /** A value made once per task attempt for {@code key} (by identity): per-task copies of closures, say. */
    @SuppressWarnings("unchecked")
    public synchronized <V> V taskLocal(Object key, Supplier<V> create) {
        Object value = taskLocals.get(key);
        if (value == null) {
            value = create.get();
            taskLocals.put(key, value);
        }
        return (V) value;
    }

    /**
     * Closes {@code resource} when the task ends, however it ends: what a partition's iterator
     * opened (a file) is released even when the task reads only part of it (a {@code take}).
     */
    public synchronized void addCompletionListener(AutoCloseable resource) {
        completionListeners.add(resource);
    }

    /** Called by the scheduler when the task ends: closes what was registered, last first. */
    public void complete() throws Exception {
        List<AutoCloseable> resources;
        synchronized (this) {
            resources = new ArrayList<>(completionListeners);
            completionListeners.clear();
        }
        Exception failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
