package dev.ember.scheduler;

import dev.ember.exec.TaskContext;
import dev.ember.memory.MemoryManager;
import dev.ember.memory.SpillDirectory;
import dev.ember.memory.TaskMemory;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /** Task attempts of the driver itself (local mode), executor {@code driver} as in Spark. */
    public LocalTaskBackend(int slots, MemoryManager memory, Path localDirectory) {
        this(slots, memory, localDirectory, "driver");
    }

    /**
     * @param memory the process's memory, from which each task attempt reserves execution memory
     * @param localDirectory where task attempts write spill files (each in a directory of its own) and shuffle files go
     * @param executorId the executor these attempts report they ran on
     */
    public LocalTaskBackend(int slots, MemoryManager memory, Path localDirectory, String executorId) {
        this.executorId = executorId;
        this.slots = slots;
        this.taskThreads = newTaskThreads(slots);
        this.memory = memory;
        this.localDirectory = localDirectory;
        this.shuffles = new ShuffleStore(memory, localDirectory);
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
        taskThreads.shutdownNow();
        shuffles.close();
    }
}
