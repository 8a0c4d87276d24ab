package dev.ember.scheduler;

import dev.ember.broadcast.Broadcast;
import dev.ember.exec.TaskContext;
import dev.ember.storage.ElementStreams;

/**
 * A task as sent to another process: its work Java-serialized, read back only when the attempt
 * runs, inside its {@link TaskContext}, so that what deserializing registers with the running task
 * (the task's copies of accumulators) is registered with it. It carries the values of the
 * broadcasts it uses.
 */
public record SerializedTask<T>(byte[] bytes) implements DagScheduler.PartitionTask<T> {

    public static <T> SerializedTask<T> of(DagScheduler.PartitionTask<T> task) {
        return new SerializedTask<>(Broadcast.carryingValues(() -> ElementStreams.writeObject(task)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T run(TaskContext context, int partition) throws Exception {
        return ((DagScheduler.PartitionTask<T>) ElementStreams.readObject(bytes)).run(context, partition);
    }
}
