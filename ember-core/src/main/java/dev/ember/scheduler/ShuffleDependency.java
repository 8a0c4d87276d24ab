package dev.ember.scheduler;

import dev.ember.exec.TaskContext;
import java.io.Serializable;
import java.util.List;

/**
 * A shuffle as the scheduler sees it: the map stage that writes it. A query's exchanges and an RDD's
 * shuffles are both this, so one scheduler runs both, in local mode and on a cluster,
 * where the description travels to executors with the map tasks.
 */
public interface ShuffleDependency extends Serializable {
    int shuffleId();

    /** How many map tasks write the shuffle. */
    int mapPartitions();

    /** The shuffles the map tasks read: their map stages must have run first. */
    List<? extends ShuffleDependency> parents();

    /** How many reduce partitions the map tasks split their output into. */
    int reducePartitions();

    /** What the blocks are: RDD records unless overridden (a query's exchange writes batches). */
    default BlockFormat blockFormat() {
        return BlockFormat.records();
    }

    /**
     * Runs map task {@code mapPartition}: adds each block of its output (a batch, or a record for
     * RDDs) to {@code output} under the reduce partition that reads it. The scheduler publishes it.
     */
    void writeMapOutput(TaskContext context, int mapPartition, MapOutputWriter output);

    /** Told, in the map task, what it wrote once published (a query's exchange counts it in its metrics). */
    default void written(TaskContext context, MapStatus status) {
    }

    /**
     * Whether the output outlives the job that wrote it: an RDD's shuffle is read again by later
     * actions on the same RDD (as in Spark), while a query's exchanges are planned anew per action.
     */
    default boolean outlivesJob() {
        return false;
    }
}
