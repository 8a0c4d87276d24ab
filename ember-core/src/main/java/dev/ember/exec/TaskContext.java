package dev.ember.exec;

import static java.util.Objects.requireNonNull;

import dev.ember.scheduler.ShuffleStore;

/** What a running task can reach: its stage and partition, and the shuffle outputs of earlier stages. */
public final class TaskContext {
    private final int stageId;
    private final int partition;
    private final ShuffleStore shuffles;

    public TaskContext(int stageId, int partition, ShuffleStore shuffles) {
        this.stageId = stageId;
        this.partition = partition;
        this.shuffles = requireNonNull(shuffles, "shuffles is null");
    }

    public int stageId() {
        return stageId;
    }

    public int partition() {
        return partition;
    }

    public ShuffleStore shuffles() {
        return shuffles;
    }
}
