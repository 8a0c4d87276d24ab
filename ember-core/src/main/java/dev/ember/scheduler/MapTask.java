package dev.ember.scheduler;

import dev.ember.exec.TaskContext;

/**
 * A map stage's task: writes its partition's output of {@code shuffle} into the store of the
 * process it runs in, which keeps it for the reduce tasks, and reports its sizes.
 */
public record MapTask(ShuffleDependency shuffle) implements DagScheduler.PartitionTask<MapStatus> {

    @Override
    public MapStatus run(TaskContext context, int partition) {
        ShuffleStore store = context.shuffles();
        store.register(shuffle.shuffleId(), shuffle.mapPartitions(), shuffle.blockFormat());
        try (MapOutputWriter output = store.writer(shuffle.shuffleId(), partition, shuffle.reducePartitions(), context.memory())) {
            shuffle.writeMapOutput(context, partition, output);
            MapStatus status = output.publish();
            context.metrics().shuffleWritten(status);
            shuffle.written(context, status);
            return status;
        }
    }
}
