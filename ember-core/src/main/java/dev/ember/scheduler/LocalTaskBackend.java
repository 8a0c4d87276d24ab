package dev.ember.scheduler;

import dev.ember.events.ListenerBus;
import dev.ember.exec.TaskContext;
import dev.ember.memory.MemoryManager;
import dev.ember.memory.SpillDirectory;
import dev.ember.memory.TaskMemory;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task attempts on task threads of this process, with this process's memory and shuffle store:
 * local mode (blocks pass by reference), and how an executor of a cluster runs what it is sent.
 */
public final class LocalTaskBackend implements TaskBackend {
    private final int slots;
    private final ExecutorService taskThreads;
    private final MemoryManager memory;
    private final Path localDirectory;
    private final ShuffleStore shuffles;
    private final String executorId;
    /** Reports the driver's storage memory in local mode, as an executor's heartbeat reports its own; {@code null} otherwise. */
    private final ScheduledExecutorService heartbeat;

    /** How often the driver of local mode reports its storage memory (an executor's heartbeat interval). */
    static final long HEARTBEAT_MILLIS = 500;

    /** Task attempts of the driver itself, executor {@code driver} as in Spark. */
    public LocalTaskBackend(int slots, MemoryManager memory, Path localDirectory) {
        this(slots, memory, localDirectory, "driver");
    }

    /**
     * Local mode: the driver is the executor {@code driver}, whose storage memory used is reported
     * on {@code events} every {@link #HEARTBEAT_MILLIS} when it changed, until closed.
     */
    public LocalTaskBackend(int slots, MemoryManager memory, Path localDirectory, ListenerBus events) {
        this(slots, memory, localDirectory, "driver", events);
    }

    /**
     * @param memory the process's memory, from which each task attempt reserves execution memory
     * @param localDirectory where task attempts write spill files (each in a directory of its own) and shuffle files go
     * @param executorId the executor these attempts report they ran on
     */
    public LocalTaskBackend(int slots, MemoryManager memory, Path localDirectory, String executorId) {
        this(slots, memory, localDirectory, executorId, null);
    }

    private LocalTaskBackend(int slots, MemoryManager memory, Path localDirectory, String executorId, ListenerBus events) {
        this.executorId = executorId;
        this.slots = slots;
        this.taskThreads = newTaskThreads(slots);
        this.memory = memory;
        this.localDirectory = localDirectory;
        this.shuffles = new ShuffleStore(memory, localDirectory);
        this.heartbeat = events == null ? null : heartbeat(executorId, memory, new StorageReports(events));
    }

    private static ScheduledExecutorService heartbeat(String executorId, MemoryManager memory, StorageReports reports) {
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ember-driver-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(() -> reports.report(executorId, memory.cachedStorageUsed()), HEARTBEAT_MILLIS, HEARTBEAT_MILLIS,
                TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    /**
     * Daemon threads named {@code ember-task-N}. They are made on demand, inside whichever job comes
     * first, so they must not inherit its thread's job group or metrics collector.
     */
    public static ExecutorService newTaskThreads(int count) {
        AtomicInteger threadNumber = new AtomicInteger();
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(null, runnable, "ember-task-" + threadNumber.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public ExecutorService taskThreads() {
        return taskThreads;
    }

    @Override
    public ShuffleStore shuffles() {
        return shuffles;
    }

    public MemoryManager memory() {
        return memory;
    }

    /** Runs the attempt on the calling thread with its own context and memory, which it gives back however it ends. */
    @Override
    public <T> TaskResult<T> run(TaskAttempt<T> attempt) {
        TaskMemory taskMemory = new TaskMemory(memory, new SpillDirectory(localDirectory, "ember-task-" + attempt.taskAttemptId() + "-"));
        TaskContext context = new TaskContext(attempt.stageId(), attempt.partition(), attempt.attemptNumber(), attempt.taskAttemptId(),
                shuffles, taskMemory);
        TaskResult<T> result;
        try (TaskContext.Scope scope = context.enter(); taskMemory) {
            T value;
            try {
                value = attempt.task().run(context, attempt.partition());
            } finally {
                context.complete();
            }
            result = TaskResult.success(value, context.accumulators(), context.operatorMetrics().snapshot());
        } catch (Throwable failure) {
            result = TaskResult.failure(failure);
        }
        return result.measured(context.metrics().snapshot(taskMemory.memoryBytesSpilled(), taskMemory.diskBytesSpilled()), executorId);
    }

    public String executorId() {
        return executorId;
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        taskThreads.shutdownNow();
        shuffles.close();
    }
}
