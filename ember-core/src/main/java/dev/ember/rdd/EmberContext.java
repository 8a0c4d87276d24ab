package dev.ember.rdd;

import dev.ember.broadcast.Broadcast;
import dev.ember.broadcast.BroadcastStore;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.TaskContext;
import dev.ember.fs.FileEntry;
import dev.ember.fs.FileSystem;
import dev.ember.fs.FileSystems;
import dev.ember.fs.Location;
import dev.ember.scheduler.DagScheduler;
import dev.ember.source.InputPaths;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.storage.BlockStore;
import dev.ember.accumulator.AccumulatorContext;
import dev.ember.accumulator.AccumulatorV2;
import dev.ember.accumulator.CollectionAccumulator;
import dev.ember.accumulator.DoubleAccumulator;
import dev.ember.accumulator.LongAccumulator;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.function.Supplier;

/**
 * The entry point to RDDs, as Spark's {@code JavaSparkContext}; every session has one
 * ({@code ember.context()}). It shares the session's scheduler and task threads, so RDD jobs and
 * queries are cut into stages and retried the same way.
 */
public final class EmberContext implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final DagScheduler scheduler;
    private final int defaultParallelism;
    private final OptionalInt configuredParallelism;
    private final AtomicInteger shuffleIds;
    private final AtomicInteger rddIds = new AtomicInteger();
    private final BlockStore blocks;
    private final BroadcastStore broadcasts;
    private final Supplier<Map<String, String>> fileSystemSettings;
    private final Runnable stopSession;
    private volatile Location checkpointDirectory;

    /**
     * Made by the session: {@code shuffleIds} is the session's counter, shared with query plans so
     * that their shuffles never collide; {@code configuredParallelism} is
     * {@code ember.default.parallelism} when set; {@code blocks} holds persisted partitions,
     * {@code broadcasts} the values of broadcast variables;
     * {@code stopSession} is what {@link #stop} does besides.
     */
    public EmberContext(DagScheduler scheduler, int defaultParallelism, OptionalInt configuredParallelism, AtomicInteger shuffleIds,
            BlockStore blocks, BroadcastStore broadcasts, Supplier<Map<String, String>> fileSystemSettings, Runnable stopSession) {
        this.scheduler = scheduler;
        this.defaultParallelism = defaultParallelism;
        this.configuredParallelism = configuredParallelism;
        this.shuffleIds = shuffleIds;
        this.blocks = blocks;
        this.broadcasts = broadcasts;
        this.fileSystemSettings = fileSystemSettings;
        this.stopSession = stopSession;
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
    interface PartitionAction<T, R> extends java.io.Serializable {
        R run(Iterator<T> elements, TaskContext task) throws Exception;
    }

    /**
     * Runs {@code action} over every partition of {@code rdd} as one job; results in partition
     * order. Then writes the checkpoints the job's RDDs were marked for.
     */
    <T, R> List<R> runJob(Rdd<T> rdd, PartitionAction<T, R> action) {
        return runJob(rdd, IntStream.range(0, rdd.getNumPartitions()).toArray(), action);
    }

    /** Runs {@code action} over the given partitions of {@code rdd} only; results in that order. */
    <T, R> List<R> runJob(Rdd<T> rdd, int[] partitions, PartitionAction<T, R> action) {
        List<R> results = new ArrayList<>(scheduler.runJob(rdd.stageInputs(), rdd.lineageInputs(), partitions,
                (task, partition) -> action.run(rdd.iterator(partition, task), task)));
        rdd.doCheckpoint();
        return results;
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
            boolean has = rdd.partitioner().isPresent() && rdd.partitioner().get().numPartitions() > 0;
            if (has && (withPartitioner == null || rdd.getNumPartitions() > withPartitioner.getNumPartitions())) {
                withPartitioner = rdd;
            }
        }
        int defaultPartitions = configuredParallelism.orElse(maxPartitions);
        if (withPartitioner != null) {
            int existing = withPartitioner.getNumPartitions();
            boolean eligible = Math.log10(maxPartitions) - Math.log10(existing) < 1;
            if (eligible || defaultPartitions <= existing) {
                return withPartitioner.partitioner().get();
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

    // ---- persistence

    /** The partitions persisted by RDDs of this context; tests drop blocks here to simulate losing them. */
    public BlockStore blocks() {
        return blocks;
    }

    /** The values of this context's broadcast variables; tests look here for where they are held. */
    public BroadcastStore broadcasts() {
        return broadcasts;
    }

    Map<String, String> fileSystemSettings() {
        return Map.copyOf(fileSystemSettings.get());
    }

    /**
     * Where {@link Rdd#checkpoint} writes: a new directory of this context's own inside {@code directory}
     * (any filesystem {@code dev.ember.fs} reaches).
     */
    public void setCheckpointDir(String directory) {
        checkpointDirectory = Location.of(directory).resolve(UUID.randomUUID().toString());
    }

    public Optional<String> getCheckpointDir() {
        return Optional.ofNullable(checkpointDirectory == null ? null : checkpointDirectory.toString());
    }

    java.util.Optional<Location> checkpointDirectory() {
        return java.util.Optional.ofNullable(checkpointDirectory);
    }

    /** The elements {@link Rdd#saveAsObjectFile} saved under {@code path}: a partition per file. */
    /**
     * The lines of text files, as Spark's {@code textFile}: {@code path} is a file, a directory, a
     * glob, or several of those separated by commas; lines end at {@code \n}, {@code \r} or
     * {@code \r\n}; {@code .gz} files are decompressed. Partitions are planned as Hadoop plans
     * them, at least {@link #defaultMinPartitions()} for files large enough.
     *
     * @throws EmberException PATH_NOT_FOUND when a path matches nothing
     */
    public Rdd<String> textFile(String path) {
        return textFile(path, defaultMinPartitions());
    }

    public Rdd<String> textFile(String path, int minPartitions) {
        return TextFileRdd.lines(this, InputPaths.files(inputPaths(path), fileSystemSettings()), minPartitions);
    }

    /** Each file whole, as (its URI, its text), as Spark's {@code wholeTextFiles}. */
    public PairRdd<String, String> wholeTextFiles(String path) {
        return wholeTextFiles(path, defaultMinPartitions());
    }

    public PairRdd<String, String> wholeTextFiles(String path, int minPartitions) {
        return TextFileRdd.wholeFiles(this, InputPaths.files(inputPaths(path), fileSystemSettings()), minPartitions);
    }

    /** A comma-separated list of paths, as Hadoop reads one: commas inside a glob's braces do not separate. */
    static List<String> inputPaths(String paths) {
        List<String> split = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < paths.length(); i++) {
            char c = paths.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                split.add(paths.substring(start, i));
                start = i + 1;
            }
        }
        split.add(paths.substring(start));
        return split;
    }

    public <T> Rdd<T> objectFile(String path) {
        return objectFile(path, defaultMinPartitions());
    }

    /** As {@link #objectFile(String)}; each file is one partition, whatever {@code minPartitions} asks. */
    public <T> Rdd<T> objectFile(String path, int minPartitions) {
        Location location = Location.of(path);
        Map<String, String> settings = fileSystemSettings();
        FileSystem fileSystem = FileSystems.of(location, settings);
        try {
            if (!fileSystem.exists(location)) {
                throw EmberException.of(ErrorClass.PATH_NOT_FOUND, "path", location);
            }
            List<Location> files = fileSystem.listFiles(location).stream().map(FileEntry::location)
                    .filter(file -> !("/" + location.relativize(file)).matches(".*/[._][^/]*"))
                    .sorted(Comparator.naturalOrder()).toList();
            return new ObjectFileRdd<>(this, files, settings);
        } catch (IOException e) {
            throw EmberException.of(ErrorClass.IO_ERROR, "operation", "Listing", "path", location, "detail", String.valueOf(e.getMessage()))
                    .withCause(e);
        }
    }

    /** Spark's {@code defaultMinPartitions}: at most 2. */
    public int defaultMinPartitions() {
        return Math.min(defaultParallelism(), 2);
    }

    // ---- shared variables

    /** A read-only value shared by every task; see {@link Broadcast}. */
    public <T> Broadcast<T> broadcast(T value) {
        return Broadcast.of(value, broadcasts);
    }

    public LongAccumulator longAccumulator() {
        return register(new LongAccumulator(), null);
    }

    public LongAccumulator longAccumulator(String name) {
        return register(new LongAccumulator(), name);
    }

    public DoubleAccumulator doubleAccumulator() {
        return register(new DoubleAccumulator(), null);
    }

    public DoubleAccumulator doubleAccumulator(String name) {
        return register(new DoubleAccumulator(), name);
    }

    public <T> CollectionAccumulator<T> collectionAccumulator() {
        return register(new CollectionAccumulator<>(), null);
    }

    public <T> CollectionAccumulator<T> collectionAccumulator(String name) {
        return register(new CollectionAccumulator<>(), name);
    }

    /** Registers an accumulator of the program's own kind, so that tasks may add to it. */
    public void register(AccumulatorV2<?, ?> accumulator) {
        register(accumulator, null);
    }

    public <A extends AccumulatorV2<?, ?>> A register(A accumulator, String name) {
        AccumulatorContext.register(accumulator, name);
        return accumulator;
    }

    // ---- job control

    /**
     * Puts the jobs this thread starts from now on (and those of threads it starts) in a group,
     * which {@link #cancelJobGroup} cancels; with {@code interruptOnCancel} their running tasks
     * are interrupted too (else they run to completion, their results ignored).
     */
    public void setJobGroup(String groupId, String description, boolean interruptOnCancel) {
        scheduler.setJobGroup(groupId, description, interruptOnCancel);
    }

    public void setJobGroup(String groupId, String description) {
        setJobGroup(groupId, description, false);
    }

    public void clearJobGroup() {
        scheduler.clearJobGroup();
    }

    /** Fails the running jobs of the group with {@code SPARK_JOB_CANCELLED}. */
    public void cancelJobGroup(String groupId) {
        scheduler.cancelJobGroup(groupId);
    }

    public void cancelAllJobs() {
        scheduler.cancelAllJobs();
    }

    private static final Set<String> LOG_LEVELS = Set.of("ALL", "DEBUG", "ERROR", "FATAL", "INFO", "OFF", "TRACE", "WARN");

    /**
     * Sets the root log level of the logging backend bound to slf4j, when it is one whose level can
     * be set at run time (Logback, Log4j 2); Ember itself logs nothing through it. Rejects a level
     * that is none of Spark's.
     */
    public void setLogLevel(String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(upper)) {
            throw new IllegalArgumentException("Supplied level " + level + " did not match one of: ALL,DEBUG,ERROR,FATAL,INFO,OFF,TRACE,WARN");
        }
        LogLevels.setRootLevel(upper);
    }

    /** Stops the session this context belongs to, as Spark's {@code JavaSparkContext.stop}; cached blocks are dropped. */
    public void stop() {
        stopSession.run();
    }

    @Override
    public void close() {
        stop();
    }
}
