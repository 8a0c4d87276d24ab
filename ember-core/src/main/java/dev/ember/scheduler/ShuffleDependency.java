package dev.ember.scheduler;

import dev.ember.exec.TaskContext;
import java.util.List;

/**
 * A shuffle as the scheduler sees it: the map stage that writes it. A query's exchanges and an RDD's
 * shuffles are both this, so one scheduler runs both, in local mode and (later) on a cluster.
 */
public interface ShuffleDependency {
    int shuffleId();

    /** How many map tasks write the shuffle. */
    int mapPartitions();

    /** The shuffles the map tasks read: their map stages must have run first. */
    List<? extends ShuffleDependency> parents();

    /**
     * Runs map task {@code mapPartition}: its output split by reduce partition, element {@code r}
     * holding the blocks (batches, or records for RDDs) that reduce partition {@code r} reads.
     */
    List<?>[] writeMapOutput(TaskContext context, int mapPartition);

    /**
     * Whether the output outlives the job that wrote it: an RDD's shuffle is read again by later
     * actions on the same RDD (as in Spark), while a query's exchanges are planned anew per action.
     */
    default boolean outlivesJob() {
        return false;
    }
}
