package dev.ember.scheduler;

import dev.ember.config.EmberConf;
import dev.ember.events.ListenerBus;
import dev.ember.memory.MemoryManager;
import dev.ember.storage.ElementStreams;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local backend that runs a Java-serialized copy of every task attempt and hands back a
 * serialized copy of its result, as a cluster's executors do: {@code serializing://N} (N task
 * threads) proves jobs can be sent to other processes.
 */
final class SerializingTaskBackend implements TaskBackend {
    static final AtomicInteger MAP_TASKS = new AtomicInteger();
    static final AtomicInteger RESULT_TASKS = new AtomicInteger();

    private final LocalTaskBackend local;

    SerializingTaskBackend(LocalTaskBackend local) {
        this.local = local;
    }

    public static final class Factory implements TaskBackendFactory {
        @Override
        public String scheme() {
            return "serializing";
        }

        @Override
        public TaskBackend create(String master, EmberConf conf, MemoryManager memory, Path localDirectory, ListenerBus events) {
            int threads = Integer.parseInt(master.substring("serializing://".length()));
            return new SerializingTaskBackend(new LocalTaskBackend(threads, memory, localDirectory));
        }
    }

    @Override
    public int slots() {
        return local.slots();
    }

    @Override
    public ExecutorService taskThreads() {
        return local.taskThreads();
    }

    @Override
    public ShuffleStore shuffles() {
        return local.shuffles();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TaskResult<T> run(TaskAttempt<T> attempt) {
        (attempt.task() instanceof MapTask ? MAP_TASKS : RESULT_TASKS).incrementAndGet();
        TaskAttempt<T> copy = (TaskAttempt<T>) ElementStreams.readObject(ElementStreams.writeObject(attempt));
        TaskResult<T> result = local.run(copy);
        return (TaskResult<T>) ElementStreams.readObject(ElementStreams.writeObject(result));
    }

    @Override
    public void close() {
        local.close();
    }
}
