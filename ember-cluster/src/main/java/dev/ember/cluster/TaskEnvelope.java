package dev.ember.cluster;

import dev.ember.scheduler.BlockFormat;
import dev.ember.scheduler.TaskAttempt;
import java.io.Serializable;
import java.util.List;

/**
 * A task attempt as sent to an executor (its work a {@link dev.ember.scheduler.SerializedTask}),
 * with where the outputs of the shuffles it may read are; {@code shuffleMapTask} says whether its
 * output is a shuffle's, for the shuffle service.
 */
record TaskEnvelope(TaskAttempt<?> attempt, boolean shuffleMapTask, List<ShuffleLocations> shuffles) implements Serializable {

    /** Where each map output of a shuffle is: the {@code host:port} of the executor holding it, by map partition ({@code null}: not yet written). */
    record ShuffleLocations(int shuffleId, BlockFormat format, String[] locations) implements Serializable {
    }
}
