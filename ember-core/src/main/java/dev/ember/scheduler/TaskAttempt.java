package dev.ember.scheduler;

import java.io.Serializable;

/**
 * One attempt of a task, as sent to where it runs: which stage and partition, which attempt, and
 * the work ({@link DagScheduler.PartitionTask}, serializable with everything it captures).
 */
public record TaskAttempt<T>(int stageId, int partition, int attemptNumber, long taskAttemptId, DagScheduler.PartitionTask<T> task)
        implements Serializable {
}
