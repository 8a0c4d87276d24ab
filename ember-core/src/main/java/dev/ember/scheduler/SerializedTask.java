package dev.ember.scheduler;

import dev.ember.exec.TaskContext;
import dev.ember.storage.ElementStreams;

/**
 * A task as sent to another process: its work Java-serialized, read back only when the attempt
 * runs, inside its {@link TaskContext}, so that what deserializing registers with the running task
 * (the task's copies of accumulators) is registered with it. The broadcasts it uses go as their
 * ids: the process that runs it gets their values once ({@link dev.ember.broadcast.Broadcast#readValuesFrom}).
 */
public record SerializedTask<T>(byte[] bytes) implements DagScheduler.PartitionTask<T> {

    public static <T> SerializedTask<T> of(DagScheduler.PartitionTask<T> task) {
        return new SerializedTask<>(ElementStreams.writeObject(task));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T run(TaskContext context, int partition) throws Exception {
        return ((DagScheduler.PartitionTask<T>) ElementStreams.readObject(bytes)).run(context, partition);
    }
}
