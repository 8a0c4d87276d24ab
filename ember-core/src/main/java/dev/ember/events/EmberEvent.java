package dev.ember.events;

import dev.ember.scheduler.TaskMetrics;
import java.util.Map;

/**
 * Something the application did, as Spark's listener events tell it: delivered to
 * {@link EmberListener}s by the {@link ListenerBus}, written to the event log, replayed by the
 * history server. Times are epoch milliseconds. Records of plain values, so that they serialize
 * as they are.
 */
public sealed interface EmberEvent {

    long time();

    record ApplicationStart(long time, String appId, String appName, String user) implements EmberEvent {
    }

    /** The application's settings (secrets already redacted) and runtime. */
    record EnvironmentUpdate(long time, Map<String, String> settings, Map<String, String> runtime) implements EmberEvent {
    }

    record ApplicationEnd(long time) implements EmberEvent {
    }

    /** @param sqlExecutionId the SQL execution the job runs for, or -1 */
    record JobStart(long time, int jobId, String jobGroup, String description, long sqlExecutionId) implements EmberEvent {
    }

    /** @param failureReason why the job failed, or {@code null} when it succeeded */
    record JobEnd(long time, int jobId, String failureReason) implements EmberEvent {
    }

    record StageSubmitted(long time, int stageId, int attempt, int jobId, String name, int taskCount) implements EmberEvent {
    }

    /** @param failureReason why the attempt did not finish the stage, or {@code null} */
    record StageCompleted(long time, int stageId, int attempt, int jobId, String failureReason) implements EmberEvent {
    }

    record TaskStart(long time, int stageId, int stageAttempt, long taskId, int partition, int attempt) implements EmberEvent {
    }

    /**
     * @param launchTime when the attempt started
     * @param executorId where it ran, or {@code null} when that is not known (its executor was lost)
     * @param failureReason why it failed, or {@code null} when it succeeded
     */
    record TaskEnd(long time, int stageId, int stageAttempt, long taskId, int partition, int attempt, long launchTime, String executorId,
            String failureReason, TaskMetrics metrics) implements EmberEvent {
    }

    /** @param maxMemory the storage memory it may use: its whole unified budget, as Spark counts it */
    record ExecutorAdded(long time, String executorId, String host, int cores, long maxMemory) implements EmberEvent {
    }

    record ExecutorRemoved(long time, String executorId, String reason) implements EmberEvent {
    }

    /**
     * What an executor's heartbeat told of it, posted when that changed: the storage memory its cached
     * blocks and broadcast values hold (Spark's {@code OnHeapStorageMemory}, the UI's memory used).
     */
    record ExecutorMetricsUpdate(long time, String executorId, long storageMemoryUsed) implements EmberEvent {
    }

    /** A query started: its text or call site, and its physical plan as planned. */
    record SqlExecutionStart(long time, long executionId, String description, String physicalPlan) implements EmberEvent {
    }

    /**
     * @param finalPlan the plan as it ran (adaptive execution's final plan)
     * @param measuredPlan that plan's nodes with what each measured, summed over the successful task attempts
     */
    record SqlExecutionEnd(long time, long executionId, String finalPlan, SqlPlanNode measuredPlan, String failureReason) implements EmberEvent {
    }

    /**
     * A cached partition was stored (or, with both sizes 0, dropped): {@code rddId} is an RDD's id or a
     * cached DataFrame's.
     */
    record BlockUpdated(long time, int rddId, String name, int partition, int partitions, String storageLevel, long memoryBytes,
            long diskBytes) implements EmberEvent {
    }
}
