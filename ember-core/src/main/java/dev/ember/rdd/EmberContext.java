package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.scheduler.DagScheduler;
import dev.ember.scheduler.ShuffleStore;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point to RDDs, as Spark's {@code JavaSparkContext}; every session has one
 * ({@code ember.context()}). It shares the session's scheduler and task threads, so RDD jobs and
 * queries are cut into stages and retried the same way.
 */
public final class EmberContext {
    private static final Cleaner CLEANER = Cleaner.create();

    private final DagScheduler scheduler;
    private final int defaultParallelism;
    private final OptionalInt configuredParallelism;
    private final AtomicInteger shuffleIds;
    private final AtomicInteger rddIds = new AtomicInteger();

    /**
     * Made by the session: {@code shuffleIds} is the session's counter, shared with query plans so
     * that their shuffles never collide; {@code configuredParallelism} is
     * {@code ember.default.parallelism} when set.
     */
    public EmberContext(DagScheduler scheduler, int defaultParallelism, OptionalInt configuredParallelism, AtomicInteger shuffleIds) {
        this.scheduler = scheduler;
        this.defaultParallelism = defaultParallelism;
        this.configuredParallelism = configuredParallelism;
        this.shuffleIds = shuffleIds;
    }

    /** The partition count used when none is given: {@code ember.default.parallelism}, else the task threads. */
    public int defaultParallelism() {
        return configuredParallelism.orElse(defaultParallelism);
    }

    public <T> Rdd<T> parallelize(List<T> elements, int slices) {
        if (slices < 1) {
            throw new IllegalArgumentException("Positive number of partitions required");
        }
        return new ParallelCollectionRdd<>(this, elements, slices);
    }

    public <T> Rdd<T> parallelize(List<T> elements) {
        return parallelize(elements, defaultParallelism());
    }

    public <K, V> PairRdd<K, V> parallelizePairs(List<Pair<K, V>> pairs, int slices) {
        return new PairRdd<>(parallelize(pairs, slices));
    }

    public <K, V> PairRdd<K, V> parallelizePairs(List<Pair<K, V>> pairs) {
        return parallelizePairs(pairs, defaultParallelism());
    }

    public <T> Rdd<T> emptyRdd() {
        return new ParallelCollectionRdd<>(this, List.of(), 0);
    }

    /** The elements of all the RDDs, partitions of the first then of the next (or side by side when all have the same partitioner). */
    @SafeVarargs
    public final <T> Rdd<T> union(Rdd<T>... rdds) {
        return UnionRdd.union(nonEmpty(rdds));
    }

    @SafeVarargs
    public final <K, V> PairRdd<K, V> union(PairRdd<K, V>... rdds) {
        return new PairRdd<>(UnionRdd.union(nonEmpty(rdds)));
    }

    private static <T> List<Rdd<T>> nonEmpty(Rdd<T>[] rdds) {
        if (rdds.length == 0) {
            throw new IllegalArgumentException("requirement failed: Union called on no RDDs");
        }
        return List.of(rdds);
    }

    /** One task's work over a partition's elements. */
    @FunctionalInterface
    interface PartitionAction<T, R> {
        R run(Iterator<T> elements, TaskContext task) throws Exception;
    }

    /** Runs {@code action} over every partition of {@code rdd} as one job; results in partition order. */
    <T, R> List<R> runJob(Rdd<T> rdd, PartitionAction<T, R> action) {
        return new ArrayList<>(scheduler.runJob(rdd.stageInputs(), rdd.getNumPartitions(),
                (task, partition) -> action.run(rdd.iterator(partition, task), task)));
    }

    /** Runs {@code action} over the given partitions of {@code rdd} only; results in that order. */
    <T, R> List<R> runJob(Rdd<T> rdd, int[] partitions, PartitionAction<T, R> action) {
        return new ArrayList<>(scheduler.runJob(rdd.stageInputs(), partitions,
                (task, partition) -> action.run(rdd.iterator(partition, task), task)));
    }

    /**
     * The partitioner of a by-key operation that names none, as Spark's: the partitioner of the
     * input with the most partitions among those that have one, when it is not far smaller than the
     * largest input (less than ten times) or not smaller than the default; else hash partitioning
     * into {@code ember.default.parallelism} partitions when set, else into as many as the largest
     * input has.
     */
    Partitioner defaultPartitioner(Rdd<?>... rdds) {
        Rdd<?> withPartitioner = null;
        int maxPartitions = 0;
        for (Rdd<?> rdd : rdds) {
            maxPartitions = Math.max(maxPartitions, rdd.getNumPartitions());
            boolean has = rdd.partitioner().map(p -> p.numPartitions() > 0).orElse(false);
            if (has && (withPartitioner == null || rdd.getNumPartitions() > withPartitioner.getNumPartitions())) {
                withPartitioner = rdd;
            }
        }
        int defaultPartitions = configuredParallelism.orElse(maxPartitions);
        if (withPartitioner != null) {
            int existing = withPartitioner.getNumPartitions();
            boolean eligible = Math.log10(maxPartitions) - Math.log10(existing) < 1;
            if (eligible || defaultPartitions <= existing) {
                return withPartitioner.partitioner().orElseThrow();
            }
        }
        return new HashPartitioner(defaultPartitions);
    }

    int newRddId() {
        return rddIds.incrementAndGet();
    }

    int newShuffleId() {
        return shuffleIds.incrementAndGet();
    }

    /** Frees a shuffle's output once no RDD can read it any more (its owner is garbage). */
    void removeShuffleWhenUnreachable(Object owner, int shuffleId) {
        ShuffleStore shuffles = scheduler.shuffles();
        CLEANER.register(owner, () -> shuffles.remove(shuffleId));
    }

    /** The scheduler's shuffle outputs; tests drop outputs here to simulate losing an executor. */
    public ShuffleStore shuffles() {
        return scheduler.shuffles();
    }
}
