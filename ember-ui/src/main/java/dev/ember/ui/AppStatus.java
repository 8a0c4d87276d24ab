package dev.ember.ui;

import dev.ember.events.EmberEvent;
import dev.ember.events.SqlPlanNode;
import dev.ember.events.EmberListener;
import dev.ember.scheduler.TaskMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the UI shows of one application, built only from its events: live from the listener bus,
 * or replayed from an event log by the history server, so both show the same. Readers take the
 * monitor ({@code synchronized (status)}) while they look.
 */
public final class AppStatus implements EmberListener {
    /** Finished tasks kept per stage attempt, as Spark's {@code spark.ui.retainedTasks} bounds them. */
    static final int RETAINED_TASKS = 100_000;

    String appId = "";
    String appName = "";
    String user = "";
    long startTime;
    long endTime = -1;
    Map<String, String> settings = Map.of();
    Map<String, String> runtime = Map.of();
    final Map<Integer, Job> jobs = new TreeMap<>();
    /** By stage id, then attempt. */
    final Map<Integer, Map<Integer, Stage>> stages = new TreeMap<>();
    final Map<String, Executor> executors = new LinkedHashMap<>();
    final Map<Long, SqlExecution> executions = new TreeMap<>();
    final Map<Integer, CachedData> storage = new TreeMap<>();

    static final class Job {
        int id;
        String group;
        String description;
        long executionId;
        long submitted;
        long completed = -1;
        String failure;
        final List<Integer> stageIds = new ArrayList<>();

        String status() {
            return completed < 0 ? "RUNNING" : failure == null ? "SUCCEEDED" : "FAILED";
        }
    }

    static final class Stage {
        int id;
        int attempt;
        int jobId;
        String name;
        int taskCount;
        long submitted;
        long completed = -1;
        String failure;
        int running;
        int succeeded;
        int failed;
        final Map<Long, Task> tasks = new LinkedHashMap<>();

        String status() {
            return completed < 0 ? "ACTIVE" : failure == null ? "COMPLETE" : "FAILED";
        }

        long total(java.util.function.ToLongFunction<TaskMetrics> metric) {
            return tasks.values().stream().filter(t -> t.metrics != null).mapToLong(t -> metric.applyAsLong(t.metrics)).sum();
        }
    }

    static final class Task {
        long id;
        int partition;
        int attempt;
        long launched;
        long finished = -1;
        String executorId;
        String failure;
        TaskMetrics metrics;

        String status() {
            return finished < 0 ? "RUNNING" : failure == null ? "SUCCESS" : "FAILED";
        }

        long duration() {
            return finished < 0 ? 0 : finished - launched;
        }
    }

    static final class Executor {
        String id;
        String host;
        int cores;
        /** The storage memory it may use, and what its cached blocks and broadcast values hold (its last heartbeat's). */
        long maxMemory;
        long memoryUsed;
        boolean active = true;
        String removedReason;
        int activeTasks;
        int completedTasks;
        int failedTasks;
        long duration;
        long gcTime;
        long inputBytes;
        long shuffleRead;
        long shuffleWrite;
    }

    static final class SqlExecution {
        long id;
        String description;
        String plan;
        String finalPlan;
        /** The final plan with each node's metrics, once the execution ended (absent from older event logs). */
        SqlPlanNode measuredPlan;
        long submitted;
        long completed = -1;
        String failure;

        String status() {
            return completed < 0 ? "RUNNING" : failure == null ? "COMPLETED" : "FAILED";
        }
    }

    static final class CachedData {
        int id;
        String name;
        int partitions;
        String storageLevel;
        final Map<Integer, long[]> blocks = new TreeMap<>();

        long memory() {
            return blocks.values().stream().mapToLong(b -> b[0]).sum();
        }

        long disk() {
            return blocks.values().stream().mapToLong(b -> b[1]).sum();
        }
    }

    @Override
    public synchronized void onEvent(EmberEvent event) {
        if (event instanceof EmberEvent.ApplicationStart start) {
            appId = start.appId();
            appName = start.appName();
            user = start.user();
            startTime = start.time();
        } else if (event instanceof EmberEvent.EnvironmentUpdate environment) {
            settings = environment.settings();
            runtime = environment.runtime();
        } else if (event instanceof EmberEvent.ApplicationEnd end) {
            endTime = end.time();
        } else if (event instanceof EmberEvent.JobStart start) {
            Job job = new Job();
            job.id = start.jobId();
            job.group = start.jobGroup();
            job.description = start.description();
            job.executionId = start.sqlExecutionId();
            job.submitted = start.time();
            jobs.put(job.id, job);
        } else if (event instanceof EmberEvent.JobEnd end && jobs.get(end.jobId()) != null) {
            Job job = jobs.get(end.jobId());
            job.completed = end.time();
            job.failure = end.failureReason();
        } else if (event instanceof EmberEvent.StageSubmitted submitted) {
            Stage stage = new Stage();
            stage.id = submitted.stageId();
            stage.attempt = submitted.attempt();
            stage.jobId = submitted.jobId();
            stage.name = submitted.name();
            stage.taskCount = submitted.taskCount();
            stage.submitted = submitted.time();
            stages.computeIfAbsent(stage.id, id -> new TreeMap<>()).put(stage.attempt, stage);
            Job job = jobs.get(stage.jobId);
            if (job != null && !job.stageIds.contains(stage.id)) {
                job.stageIds.add(stage.id);
            }
        } else if (event instanceof EmberEvent.StageCompleted completed) {
            Stage stage = stage(completed.stageId(), completed.attempt());
            if (stage != null) {
                stage.completed = completed.time();
                stage.failure = completed.failureReason();
            }
        } else if (event instanceof EmberEvent.TaskStart start) {
            Stage stage = stage(start.stageId(), start.stageAttempt());
            if (stage != null) {
                Task task = new Task();
                task.id = start.taskId();
                task.partition = start.partition();
                task.attempt = start.attempt();
                task.launched = start.time();
                stage.running++;
                if (stage.tasks.size() < RETAINED_TASKS) {
                    stage.tasks.put(task.id, task);
                }
            }
        } else if (event instanceof EmberEvent.TaskEnd end) {
            taskEnded(end);
        } else if (event instanceof EmberEvent.ExecutorAdded added) {
            Executor executor = new Executor();
            executor.id = added.executorId();
            executor.host = added.host();
            executor.cores = added.cores();
            executor.maxMemory = added.maxMemory();
            executors.put(executor.id, executor);
        } else if (event instanceof EmberEvent.ExecutorRemoved removed && executors.get(removed.executorId()) != null) {
            executors.get(removed.executorId()).active = false;
            executors.get(removed.executorId()).removedReason = removed.reason();
        } else if (event instanceof EmberEvent.ExecutorMetricsUpdate update && executors.get(update.executorId()) != null) {
            executors.get(update.executorId()).memoryUsed = update.storageMemoryUsed();
        } else if (event instanceof EmberEvent.SqlExecutionStart start) {
            SqlExecution execution = new SqlExecution();
            execution.id = start.executionId();
            execution.description = start.description();
            execution.plan = start.physicalPlan();
            execution.submitted = start.time();
            executions.put(execution.id, execution);
        } else if (event instanceof EmberEvent.SqlExecutionEnd end && executions.get(end.executionId()) != null) {
            SqlExecution execution = executions.get(end.executionId());
            execution.completed = end.time();
            execution.finalPlan = end.finalPlan();
            execution.measuredPlan = end.measuredPlan();
            execution.failure = end.failureReason();
        } else if (event instanceof EmberEvent.BlockUpdated block) {
            blockUpdated(block);
        }
    }

    private void taskEnded(EmberEvent.TaskEnd end) {
        Stage stage = stage(end.stageId(), end.stageAttempt());
        if (stage == null) {
            return;
        }
        Task task = stage.tasks.get(end.taskId());
        if (task != null) {
            task.finished = end.time();
            task.executorId = end.executorId();
            task.failure = end.failureReason();
            task.metrics = end.metrics();
        }
        stage.running--;
        if (end.failureReason() == null) {
            stage.succeeded++;
        } else {
            stage.failed++;
        }
        Executor executor = end.executorId() == null ? null : executors.get(end.executorId());
        if (executor != null) {
            TaskMetrics metrics = end.metrics();
            if (end.failureReason() == null) {
                executor.completedTasks++;
            } else {
                executor.failedTasks++;
            }
            executor.duration += end.time() - end.launchTime();
            executor.gcTime += metrics.jvmGcTime();
            executor.inputBytes += metrics.bytesRead();
            executor.shuffleRead += metrics.shuffleReadBytes();
            executor.shuffleWrite += metrics.shuffleWriteBytes();
        }
    }

    private void blockUpdated(EmberEvent.BlockUpdated block) {
        boolean dropped = block.memoryBytes() == 0 && block.diskBytes() == 0;
        if (dropped && block.partition() < 0) {
            storage.remove(block.rddId());
            return;
        }
        CachedData data = storage.computeIfAbsent(block.rddId(), id -> new CachedData());
        data.id = block.rddId();
        data.name = block.name();
        data.partitions = Math.max(data.partitions, block.partitions());
        data.storageLevel = block.storageLevel();
        if (dropped) {
            data.blocks.remove(block.partition());
            if (data.blocks.isEmpty()) {
                storage.remove(block.rddId());
            }
        } else {
            data.blocks.put(block.partition(), new long[] {block.memoryBytes(), block.diskBytes()});
        }
    }

    Stage stage(int id, int attempt) {
        Map<Integer, Stage> attempts = stages.get(id);
        return attempts == null ? null : attempts.get(attempt);
    }

    boolean completed() {
        return endTime >= 0;
    }
}
