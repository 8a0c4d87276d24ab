package dev.ember.scheduler;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.events.EmberEvent;
import dev.ember.events.ListenerBus;
import dev.ember.events.SqlExecutionScope;
import dev.ember.exec.Operator;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.PlanMetrics;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.exec.TaskContext;
import dev.ember.accumulator.AccumulatorContext;
import dev.ember.vector.Batch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs jobs: a job is cut at its shuffles into stages; each map stage runs one task per map
 * partition and publishes its output, in dependency order, then the result stage runs one task per
 * output partition. Query plans and RDDs are both jobs of this kind ({@link ShuffleDependency}).
 *
 * <p>Failures: a task that fails is attempted again, up to {@code maxTaskFailures} attempts in all,
 * unless its error is one that repeats by nature (an {@link EmberException} about the query or the
 * data, such as a division by zero, fails the job at once). A task that finds a map output lost
 * ({@link FetchFailedException}) is not at fault: the lost output is recomputed from lineage and the
 * stage's unfinished tasks run again, up to {@link #MAX_STAGE_ATTEMPTS} times.
 *
 * <p>Speculation ({@link Speculation}, off by default): a task that runs far longer than the
 * stage's finished ones gets a second attempt on a free slot; whichever succeeds first is the
 * task's result (its map output, its accumulator updates), the other is cancelled.
 *
 * <p>A task attempt's accumulator copies ({@link TaskContext#accumulators}) are merged into the
 * driver's accumulators when it succeeds, never when it fails; so are its plan nodes' metrics, into
 * the {@link PlanMetrics} of the thread that started the job. Jobs belong to the job group of the
 * thread that runs them ({@link #setJobGroup}); cancelling a group fails its running jobs.
 *
 * <p>What it does is posted to the session's {@link ListenerBus}: jobs, stage attempts and task
 * attempts with their metrics.
 */
public final class DagScheduler {
    /** Spark's {@code spark.stage.maxConsecutiveAttempts}. */
    public static final int MAX_STAGE_ATTEMPTS = 4;

    private final TaskBackend backend;
    private final int maxTaskFailures;
    private final ShuffleStore shuffles;
    private final ListenerBus events;
    private final Speculation speculation;
    private final AtomicInteger stageIds = new AtomicInteger();
    private final AtomicLong taskAttemptIds = new AtomicLong();
    private final AtomicInteger jobIds = new AtomicInteger();
    private final Set<ActiveJob> activeJobs = ConcurrentHashMap.newKeySet();
    /** The job group of jobs started by a thread (and by the threads it starts), as Spark's local properties. */
    private final InheritableThreadLocal<JobGroup> jobGroup = new InheritableThreadLocal<>();
    /** The job the calling (driver) thread is running. */
    private final ThreadLocal<ActiveJob> currentJob = new ThreadLocal<>();

    /** @param backend where task attempts run; its store holds (or locates) the shuffle outputs */
    public DagScheduler(TaskBackend backend, int maxTaskFailures) {
        this(backend, maxTaskFailures, null);
    }

    /** @param events where the scheduler posts what it does, or {@code null} */
    public DagScheduler(TaskBackend backend, int maxTaskFailures, ListenerBus events) {
        this(backend, maxTaskFailures, events, Speculation.OFF);
    }

    /** @param speculation when tasks that run far longer than the others get a second attempt */
    public DagScheduler(TaskBackend backend, int maxTaskFailures, ListenerBus events, Speculation speculation) {
        this.backend = backend;
        this.speculation = speculation;
        this.maxTaskFailures = Math.max(1, maxTaskFailures);
        this.shuffles = backend.shuffles();
        this.events = events;
    }

    private void post(EmberEvent event) {
        if (events != null) {
            events.post(event);
        }
    }

    /**
     * One task's work on one partition. Serializable, with all it captures, as it may be sent to
     * an executor process.
     */
    @FunctionalInterface
    public interface PartitionTask<T> extends Serializable {
        T run(TaskContext context, int partition) throws Exception;
    }

    /** Runs the plan and returns the batches of each output partition, in partition order. */
    public List<List<Batch>> run(PhysicalPlan plan) {
        return runJob(ShuffleExchangeExec.inputsOf(plan), plan.partitionCount(), (context, partition) -> {
            List<Batch> batches = new ArrayList<>();
            try (Operator operator = plan.open(context, partition)) {
                for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
                    batches.add(batch);
                }
            }
            return batches;
        });
    }

    /**
     * Runs a job whose result stage reads the shuffles {@code inputs} and has {@code partitions}
     * tasks, and returns each task's result in partition order.
     */
    public <T> List<T> runJob(List<? extends ShuffleDependency> inputs, int partitions, PartitionTask<T> task) {
        return runJob(inputs, List.of(), IntStream.range(0, partitions).toArray(), task);
    }

    /**
     * Runs a job whose result stage computes only {@code partitions} (an RDD's {@code take} scans a
     * few partitions at a time), and returns their results in that order.
     */
    public <T> List<T> runJob(List<? extends ShuffleDependency> inputs, int[] partitions, PartitionTask<T> task) {
        return runJob(inputs, List.of(), partitions, task);
    }

    /**
     * Runs a job over {@code partitions} of the result stage, where the tasks may also read the
     * shuffles of {@code lineage}, which the job does not compute first: those below cached RDDs.
     * A task that finds their output lost (its cached partition was evicted) has them recomputed.
     */
    public <T> List<T> runJob(List<? extends ShuffleDependency> inputs, List<? extends ShuffleDependency> lineage, int[] partitions,
            PartitionTask<T> task) {
        return runJob(inputs, lineage, partitions, task, Set.of());
    }

    /**
     * Runs the map stage of {@code shuffle} (and those of its parents whose output is missing) as a
     * job of its own, and keeps its output for a later job to read: adaptive execution runs a
     * query's stages so, one boundary at a time, looking at each stage's statistics before planning
     * what reads it. The job that reads the output frees it as usual; so does {@link ShuffleStore#remove}.
     */
    public MapOutputStatistics materialize(ShuffleDependency shuffle) {
        return materialize(shuffle, Set.of());
    }

    /** Runs the map stage of {@code shuffle} as {@link #materialize(ShuffleDependency)} does, not freeing the inputs in {@code alsoKept}: later jobs read them too. */
    public MapOutputStatistics materialize(ShuffleDependency shuffle, Set<Integer> alsoKept) {
        try {
            Set<Integer> kept = new HashSet<>(alsoKept);
            kept.add(shuffle.shuffleId());
            runJob(List.of(shuffle), List.of(), new int[0], (context, partition) -> null, kept);
            return shuffles.statistics(shuffle.shuffleId());
        } catch (RuntimeException e) {
            if (!shuffle.outlivesJob()) {
                shuffles.remove(shuffle.shuffleId()); // nothing will read what part of it was written
            }
            throw e;
        }
    }

    /**
     * Runs the map stages of {@code shuffles}, none of which reads another, at once, each as {@link
     * #materialize(ShuffleDependency, Set)} does (a job of its own, started by a thread of its own that
     * inherits this one's job group and metrics): the task threads one stage leaves idle, having
     * fewer tasks than threads or one longer than the others, run another's tasks. Returns when all
     * have ended, with each one's statistics by shuffle id, or throws the first failure.
     */
    public Map<Integer, MapOutputStatistics> materializeTogether(List<? extends ShuffleDependency> shuffles, Set<Integer> alsoKept) {
        List<FutureTask<MapOutputStatistics>> stages = new ArrayList<>();
        for (ShuffleDependency shuffle : shuffles) {
            stages.add(new FutureTask<>(() -> materialize(shuffle, alsoKept)));
        }
        for (int i = 1; i < stages.size(); i++) {
            Thread thread = new Thread(stages.get(i), "ember-map-stage-" + shuffles.get(i).shuffleId());
            thread.setDaemon(true);
            thread.start();
        }
        if (!stages.isEmpty()) {
            stages.get(0).run(); // the first on this thread
        }
        Map<Integer, MapOutputStatistics> statistics = new LinkedHashMap<>();
        Throwable failure = null;
        for (int i = 0; i < stages.size(); i++) {
            try {
                statistics.put(shuffles.get(i).shuffleId(), awaitUninterruptibly(stages.get(i)));
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure; // materialize throws nothing checked
        }
        return statistics;
    }

    /** What {@code stage} ended with (its job is cancelled with this thread's job group, not by an interrupt). */
    private static <T> T awaitUninterruptibly(FutureTask<T> stage) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return stage.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> List<T> runJob(List<? extends ShuffleDependency> inputs, List<? extends ShuffleDependency> lineage, int[] partitions,
            PartitionTask<T> task, Set<Integer> kept) {
        List<ShuffleDependency> stages = new ArrayList<>(inDependencyOrder(inputs, true).values());
        Map<Integer, Integer> lastReader = lastReadingStage(stages, inputs);
        kept.forEach(lastReader::remove);
        Map<Integer, ShuffleDependency> recoverable = inDependencyOrder(lineage, false);
        ActiveJob job = new ActiveJob(jobIds.getAndIncrement(), jobGroup.get(), recoverable, PlanMetrics.current());
        ActiveJob outer = currentJob.get();
        activeJobs.add(job);
        currentJob.set(job);
        post(new EmberEvent.JobStart(System.currentTimeMillis(), job.id, job.group == null ? null : job.group.id(),
                job.group == null ? null : job.group.description(), SqlExecutionScope.currentId()));
        String failure = null;
        try {
            for (int stage = 0; stage < stages.size(); stage++) {
                job.checkCancelled();
                ShuffleDependency shuffle = stages.get(stage);
                if (!shuffles.missing(shuffle.shuffleId(), shuffle.mapPartitions()).isEmpty()) {
                    runMapStage(shuffle);
                }
                // A shuffle no later stage of this job reads is garbage: free it now, not when the job ends.
                int finished = stage;
                lastReader.forEach((shuffleId, reader) -> {
                    if (reader == finished) {
                        shuffles.remove(shuffleId);
                    }
                });
            }
            List<T> byPartition = runStage(inputs, partitions, task);
            return IntStream.of(partitions).mapToObj(byPartition::get).toList();
        } catch (RuntimeException | Error e) {
            failure = String.valueOf(e.getMessage());
            throw e;
        } finally {
            post(new EmberEvent.JobEnd(System.currentTimeMillis(), job.id, failure));
            lastReader.keySet().forEach(shuffles::remove);
            recoverable.values().stream().filter(s -> !s.outlivesJob()).forEach(s -> shuffles.remove(s.shuffleId()));
            activeJobs.remove(job);
            currentJob.set(outer);
        }
    }

    /** The group, description and interruption policy of jobs started by this thread from now on (Spark's {@code setJobGroup}). */
    public void setJobGroup(String groupId, String description, boolean interruptOnCancel) {
        jobGroup.set(new JobGroup(groupId, description, interruptOnCancel));
    }

    public void clearJobGroup() {
        jobGroup.remove();
    }

    /** Fails the running jobs of a group, interrupting their tasks when the group asked for it. */
    public void cancelJobGroup(String groupId) {
        activeJobs.stream().filter(job -> job.group != null && job.group.id().equals(groupId))
                .forEach(job -> job.cancel("part of cancelled job group " + groupId));
    }

    public void cancelAllJobs() {
        activeJobs.forEach(job -> job.cancel("as part of cancellation of all jobs"));
    }

    /** A job group as set by {@link #setJobGroup}. */
    public record JobGroup(String id, String description, boolean interruptOnCancel) {
    }

    /** A running job: what cancelling it must reach. */
    private static final class ActiveJob {
        final int id;
        final JobGroup group;
        final Map<Integer, ShuffleDependency> recoverable;
        /** Where the SQL execution the job runs for sums its plan nodes' metrics, or {@code null}. */
        final PlanMetrics planMetrics;
        final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
        volatile String cancelReason;

        ActiveJob(int id, JobGroup group, Map<Integer, ShuffleDependency> recoverable, PlanMetrics planMetrics) {
            this.id = id;
            this.group = group;
            this.recoverable = recoverable;
            this.planMetrics = planMetrics;
        }

        void cancel(String reason) {
            if (cancelReason == null) {
                cancelReason = reason;
            }
            running.forEach(this::cancel);
        }

        /** Keeps a task's future to cancel it with the job; cancels it now if the job already is. */
        <F extends Future<?>> F track(F future) {
            running.add(future);
            if (cancelReason != null) {
                cancel(future);
            }
            return future;
        }

        private void cancel(Future<?> future) {
            future.cancel(group != null && group.interruptOnCancel());
        }

        void checkCancelled() {
            if (cancelReason != null) {
                throw EmberException.of(ErrorClass.SPARK_JOB_CANCELLED, "jobId", id, "reason", cancelReason);
            }
        }
    }

    /** The shuffle outputs of this scheduler's jobs; tests drop outputs here to simulate losing them. */
    public ShuffleStore shuffles() {
        return shuffles;
    }

    /**
     * Every shuffle the inputs need, each once, parents before children. With {@code skipComplete},
     * the parents of a shuffle whose output is complete are left out, as they are not needed (Spark's
     * skipped stages); should that output be lost meanwhile, {@link #recompute} reaches them.
     */
    private Map<Integer, ShuffleDependency> inDependencyOrder(List<? extends ShuffleDependency> inputs, boolean skipComplete) {
        Map<Integer, ShuffleDependency> order = new LinkedHashMap<>();
        for (ShuffleDependency input : inputs) {
            visit(input, order, skipComplete);
        }
        return order;
    }

    private void visit(ShuffleDependency shuffle, Map<Integer, ShuffleDependency> order, boolean skipComplete) {
        if (order.containsKey(shuffle.shuffleId())) {
            return;
        }
        if (!skipComplete || !shuffles.missing(shuffle.shuffleId(), shuffle.mapPartitions()).isEmpty()) {
            for (ShuffleDependency parent : shuffle.parents()) {
                visit(parent, order, skipComplete);
            }
        }
        order.put(shuffle.shuffleId(), shuffle);
    }

    /**
     * For each shuffle of the job that does not outlive it, the index of the last stage that reads
     * it: a position in {@code stages}, or {@code stages.size()} for the result stage.
     */
    private static Map<Integer, Integer> lastReadingStage(List<ShuffleDependency> stages, List<? extends ShuffleDependency> resultInputs) {
        Map<Integer, Integer> lastReader = new HashMap<>();
        for (int stage = 0; stage <= stages.size(); stage++) {
            List<? extends ShuffleDependency> inputs = stage < stages.size() ? stages.get(stage).parents() : resultInputs;
            for (ShuffleDependency input : inputs) {
                if (!input.outlivesJob()) {
                    lastReader.merge(input.shuffleId(), stage, Math::max);
                }
            }
        }
        return lastReader;
    }

    /** Runs the map tasks whose output is missing. */
    private void runMapStage(ShuffleDependency shuffle) {
        shuffles.register(shuffle.shuffleId(), shuffle.mapPartitions(), shuffle.blockFormat());
        int[] missing = shuffles.missing(shuffle.shuffleId(), shuffle.mapPartitions()).stream().mapToInt(Integer::intValue).toArray();
        runStage(shuffle.parents(), missing, new MapTask(shuffle));
    }

    /** Recomputes whatever is missing of {@code shuffle}, and first of its parents. */
    private void recompute(ShuffleDependency shuffle) {
        if (shuffles.missing(shuffle.shuffleId(), shuffle.mapPartitions()).isEmpty()) {
            return;
        }
        shuffle.parents().forEach(this::recompute);
        runMapStage(shuffle);
    }

    /**
     * Runs one stage's tasks for {@code partitions}; when some find an input lost, recomputes it
     * and runs those tasks again. Returns results indexed by partition.
     */
    private <T> List<T> runStage(List<? extends ShuffleDependency> inputs, int[] partitions, PartitionTask<T> task) {
        int stageId = stageIds.incrementAndGet();
        String name = task instanceof MapTask map ? "map stage of shuffle " + map.shuffle().shuffleId() : "result stage";
        Map<Integer, T> results = new HashMap<>();
        int[] pending = partitions;
        for (int stageAttempt = 1; ; stageAttempt++) {
            post(new EmberEvent.StageSubmitted(System.currentTimeMillis(), stageId, stageAttempt - 1, job().id, name, pending.length));
            FetchFailedException lost;
            try {
                lost = runTasks(stageId, stageAttempt - 1, pending, task, results);
            } catch (RuntimeException | Error e) {
                post(new EmberEvent.StageCompleted(System.currentTimeMillis(), stageId, stageAttempt - 1, job().id, String.valueOf(e.getMessage())));
                throw e;
            }
            post(new EmberEvent.StageCompleted(System.currentTimeMillis(), stageId, stageAttempt - 1, job().id,
                    lost == null ? null : "FetchFailed: " + lost.getMessage()));
            if (lost == null) {
                break;
            }
            if (stageAttempt >= MAX_STAGE_ATTEMPTS) {
                throw EmberException.of(ErrorClass.TASK_FAILED, "task", "of stage " + stageId,
                        "detail", "its input was lost " + stageAttempt + " times in a row; last: " + lost.getMessage());
            }
            inputs.forEach(this::recompute);
            ShuffleDependency below = job().recoverable.get(lost.shuffleId());
            if (below != null) {
                recompute(below);
            }
            pending = IntStream.of(partitions).filter(p -> !results.containsKey(p)).toArray();
        }
        int size = partitions.length == 0 ? 0 : IntStream.of(partitions).max().getAsInt() + 1;
        List<T> ordered = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
            ordered.add(results.get(p));
        }
        return ordered;
    }

    private ActiveJob job() {
        ActiveJob job = currentJob.get();
        if (job == null) {
            throw EmberException.internal("a stage runs outside a job", null);
        }
        return job;
    }

    /** What one task attempt ended with. */
    private record Outcome<T>(int partition, int attempt, TaskResult<T> result) {
        Throwable failure() {
            return result.failure();
        }
    }

    /** An attempt submitted to the task threads: its future, and when it began to run (0 while queued). */
    private static final class Launched<T> {
        final int partition;
        volatile long startedNanos;
        Future<Outcome<T>> future;

        Launched(int partition) {
            this.partition = partition;
        }
    }

    /**
     * Runs the tasks, attempting a failed one again while it may, and with speculation a straggler
     * a second time (the first result wins; the other attempt is cancelled, its result and
     * accumulator updates dropped). Fills {@code results}; returns the first input loss seen
     * (those tasks are left without a result), or {@code null}.
     */
    private <T> FetchFailedException runTasks(int stageId, int stageAttempt, int[] partitions, PartitionTask<T> task, Map<Integer, T> results) {
        ActiveJob job = job();
        job.checkCancelled();
        CompletionService<Outcome<T>> completion = new ExecutorCompletionService<>(backend.taskThreads());
        List<Future<Outcome<T>>> running = new ArrayList<>();
        RunningTasks active = new RunningTasks();
        Map<Integer, List<Launched<T>>> attempts = new HashMap<>();
        Map<Integer, Integer> failures = new HashMap<>();
        List<Long> successfulMillis = new ArrayList<>();
        java.util.function.IntConsumer launch = partition -> {
            List<Launched<T>> ofPartition = attempts.computeIfAbsent(partition, p -> new ArrayList<>());
            Launched<T> launched = new Launched<>(partition);
            launched.future = job.track(submit(completion, active, stageId, stageAttempt, partition, ofPartition.size(), task, launched));
            ofPartition.add(launched);
            running.add(launched.future);
        };
        for (int partition : partitions) {
            launch.accept(partition);
        }
        FetchFailedException lost = null;
        try {
            for (int outstanding = partitions.length; outstanding > 0; ) {
                Future<Outcome<T>> done = speculation.enabled()
                        ? completion.poll(speculation.intervalMillis(), TimeUnit.MILLISECONDS) : completion.take();
                job.checkCancelled();
                if (done == null) {
                    outstanding += speculate(partitions.length, attempts, results, successfulMillis, outstanding, launch);
                    continue;
                }
                outstanding--;
                if (done.isCancelled()) {
                    continue; // the slower attempt of a task that succeeded
                }
                Outcome<T> outcome = done.get();
                if (results.containsKey(outcome.partition())) {
                    continue; // the other attempt won
                }
                Throwable failure = outcome.failure();
                List<Launched<T>> ofPartition = attempts.get(outcome.partition());
                if (failure == null) {
                    AccumulatorContext.mergeTaskUpdates(outcome.result().accumulatorUpdates());
                    if (job.planMetrics != null) {
                        job.planMetrics.add(outcome.result().operatorMetrics());
                    }
                    results.put(outcome.partition(), outcome.result().value());
                    Launched<T> winner = ofPartition.get(outcome.attempt());
                    successfulMillis.add((System.nanoTime() - winner.startedNanos) / 1_000_000);
                    ofPartition.stream().filter(other -> other != winner).forEach(other -> other.future.cancel(true));
                } else if (failure instanceof FetchFailedException fetchFailed) {
                    lost = lost == null ? fetchFailed : lost;
                } else {
                    int failed = failures.merge(outcome.partition(), 1, Integer::sum);
                    if (failed >= maxTaskFailures || !retryable(failure)) {
                        throw failed(stageId, outcome.partition(), failed, failure);
                    }
                    if (ofPartition.stream().allMatch(attempt -> attempt.future.isDone())) {
                        launch.accept(outcome.partition()); // no other attempt of it still runs
                        outstanding++;
                    }
                }
            }
            return lost;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EmberException.of(ErrorClass.TASK_FAILED, "task", "of stage " + stageId, "detail", "interrupted");
        } catch (CancellationException e) {
            job.checkCancelled();
            throw EmberException.internal("a task was cancelled outside its job", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw EmberException.internal("a task wrapper failed", e.getCause());
        } finally {
            running.forEach(f -> f.cancel(true));
            job.running.removeAll(running);
            // A failed stage returns only once its other tasks have stopped: nothing of the job
            // still writes (into a write's staging directory, say) while the caller cleans up.
            active.awaitNone();
        }
    }

    /**
     * Launches a second attempt of each task that has run too long by {@link Speculation} while a
     * slot is free for it (the straggler keeps its own); returns how many were launched.
     */
    private <T> int speculate(int tasks, Map<Integer, List<Launched<T>>> attempts, Map<Integer, T> results, List<Long> successfulMillis,
            int outstanding, java.util.function.IntConsumer launch) {
        long threshold = speculation.thresholdMillis(tasks, successfulMillis.stream().mapToLong(Long::longValue).toArray());
        if (threshold < 0) {
            return 0;
        }
        int launched = 0;
        long now = System.nanoTime();
        for (Map.Entry<Integer, List<Launched<T>>> entry : attempts.entrySet()) {
            List<Launched<T>> ofPartition = entry.getValue();
            List<Launched<T>> live = ofPartition.stream().filter(attempt -> !attempt.future.isDone()).toList();
            boolean straggles = live.size() == 1 && live.get(0).startedNanos != 0
                    && (now - live.get(0).startedNanos) / 1_000_000 > threshold;
            if (straggles && !results.containsKey(entry.getKey()) && outstanding + launched < backend.slots()) {
                launch.accept(entry.getKey());
                launched++;
            }
        }
        return launched;
    }

    /** The task attempts of a stage that are running now. */
    private static final class RunningTasks {
        private int running;

        synchronized void started() {
            running++;
        }

        synchronized void finished() {
            running--;
            notifyAll();
        }

        synchronized void awaitNone() {
            boolean interrupted = false;
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> Future<Outcome<T>> submit(CompletionService<Outcome<T>> completion, RunningTasks active, int stageId, int stageAttempt,
            int partition, int attempt, PartitionTask<T> task, Launched<T> launched) {
        long taskAttemptId = taskAttemptIds.getAndIncrement();
        return completion.submit(() -> {
            active.started();
            launched.startedNanos = System.nanoTime();
            try {
                long launchTime = System.currentTimeMillis();
                post(new EmberEvent.TaskStart(launchTime, stageId, stageAttempt, taskAttemptId, partition, attempt));
                TaskResult<T> result = backend.run(new TaskAttempt<>(stageId, partition, attempt, taskAttemptId, task));
                post(new EmberEvent.TaskEnd(System.currentTimeMillis(), stageId, stageAttempt, taskAttemptId, partition, attempt, launchTime,
                        result.executorId(), result.failure() == null ? null : String.valueOf(result.failure()),
                        result.metrics() == null ? TaskMetrics.EMPTY : result.metrics()));
                return new Outcome<>(partition, attempt, result);
            } finally {
                active.finished();
            }
        });
    }

    /**
     * Errors that would only happen again: those Ember raises about the query, the data or the
     * settings. Anything else (a user function's exception, an I/O error) may be transient.
     */
    private static boolean retryable(Throwable failure) {
        if (failure instanceof EmberException ember) {
            ErrorClass.Category category = ember.errorClass().category();
            return category == ErrorClass.Category.EXTERNAL;
        }
        return !(failure instanceof Error);
    }

    private RuntimeException failed(int stageId, int partition, int attempts, Throwable failure) {
        // Ember's errors about the query or data stand as they are; the loss of an executor says which task, how often.
        if (failure instanceof EmberException ember && ember.errorClass() != ErrorClass.EXECUTOR_LOST) {
            return ember;
        }
        return EmberException.of(ErrorClass.TASK_FAILED, "task", partition + " in stage " + stageId,
                "detail", (attempts > 1 ? "failed " + attempts + " times, most recent failure: " : "") + failure)
                .withCause(failure);
    }
}
