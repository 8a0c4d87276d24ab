package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.rdd.function.FlatMapFunction;
import dev.ember.rdd.function.Function;
import dev.ember.rdd.function.Function2;
import dev.ember.rdd.function.PairFlatMapFunction;
import dev.ember.rdd.function.PairFunction;
import dev.ember.rdd.function.VoidFunction;
import dev.ember.scheduler.ShuffleDependency;
import dev.ember.storage.BlockStore;
import dev.ember.storage.StorageLevel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resilient distributed dataset, as Spark's {@code JavaRDD}: an immutable, partitioned collection
 * of elements, defined by its lineage (how each partition is computed from its parents), computed
 * lazily by actions. Transformations return new RDDs; actions ({@link #collect}, {@link #count},
 * ...) run a job on the context's scheduler, the same one that runs queries, cut into stages at
 * shuffles.
 *
 * <p>Functions must be serializable (the function interfaces are); one that reaches something
 * that is not fails when the transformation is declared, with {@code TASK_NOT_SERIALIZABLE}.
 */
public abstract class Rdd<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient EmberContext context;
    private final int id;
    private volatile StorageLevel storageLevel = StorageLevel.NONE;
    /** Set by {@link #checkpoint}: written by the next job that computes this RDD. */
    private transient volatile boolean checkpointRequested;
    /** Once written: the files that replace this RDD's lineage. */
    private volatile Checkpoint checkpoint;

    protected Rdd(EmberContext context) {
        this.context = context;
        this.id = context.newRddId();
    }

    public final EmberContext context() {
        return context;
    }

    public final int id() {
        return id;
    }

    public abstract int getNumPartitions();

    /** Computes the elements of one partition, inside a task. */
    protected abstract Iterator<T> compute(int partition, TaskContext task);

    /** The RDDs whose partitions this one reads inside its own tasks (no shuffle between them). */
    protected List<Rdd<?>> narrowParents() {
        return List.of();
    }

    /** The shuffles this RDD reads: the stage boundaries right below it. */
    protected List<ShuffleDependency> shuffleParents() {
        return List.of();
    }

    /** How the elements are partitioned by key, when that is known. */
    public Optional<Partitioner> partitioner() {
        return Optional.empty();
    }

    /**
     * The elements of one partition, inside a task: read from the block store when the RDD is
     * persisted (computed and stored by the first task that needs them), from its checkpoint files
     * once it is checkpointed, else computed from its parents.
     */
    public final Iterator<T> iterator(int partition, TaskContext task) {
        StorageLevel level = storageLevel;
        if (level != StorageLevel.NONE) {
            return context.blocks().getOrCompute(new BlockStore.BlockId(id, partition), level,
                    () -> computeOrReadCheckpoint(partition, task));
        }
        return computeOrReadCheckpoint(partition, task);
    }

    private Iterator<T> computeOrReadCheckpoint(int partition, TaskContext task) {
        Checkpoint written = checkpoint;
        return written != null ? written.read(partition) : compute(partition, task);
    }

    /**
     * The shuffles a stage computing this RDD reads: those of this RDD and its narrow ancestors,
     * down to checkpointed RDDs and RDDs whose every partition is cached (the stages below those
     * need not run).
     */
    public final List<ShuffleDependency> stageInputs() {
        Map<Integer, ShuffleDependency> inputs = new LinkedHashMap<>();
        collectStageInputs(this, inputs, true);
        return new ArrayList<>(inputs.values());
    }

    /** The shuffles below this RDD's caches too: a task recomputing an evicted partition reads them. */
    final List<ShuffleDependency> lineageInputs() {
        Map<Integer, ShuffleDependency> inputs = new LinkedHashMap<>();
        collectStageInputs(this, inputs, false);
        return new ArrayList<>(inputs.values());
    }

    private static void collectStageInputs(Rdd<?> rdd, Map<Integer, ShuffleDependency> inputs, boolean stopAtCaches) {
        if (rdd.checkpoint != null || stopAtCaches && rdd.fullyCached()) {
            return;
        }
        rdd.shuffleParents().forEach(s -> inputs.putIfAbsent(s.shuffleId(), s));
        rdd.narrowParents().forEach(parent -> collectStageInputs(parent, inputs, stopAtCaches));
    }

    private boolean fullyCached() {
        if (storageLevel == StorageLevel.NONE) {
            return false;
        }
        for (int p = 0; p < getNumPartitions(); p++) {
            if (!context.blocks().contains(new BlockStore.BlockId(id, p))) {
                return false;
            }
        }
        return true;
    }

    // ---- transformations

    public <R> Rdd<R> map(Function<T, R> f) {
        Function<T, R> checked = Closures.checked(f, "map");
        return mapPartitionsInternal((task, p, input) -> Iterators.map(input, checked), false);
    }

    public <R> Rdd<R> flatMap(FlatMapFunction<T, R> f) {
        FlatMapFunction<T, R> checked = Closures.checked(f, "flatMap");
        return mapPartitionsInternal((task, p, input) -> Iterators.flatMap(input, checked), false);
    }

    public Rdd<T> filter(Function<T, Boolean> f) {
        Function<T, Boolean> checked = Closures.checked(f, "filter");
        return mapPartitionsInternal((task, p, input) -> Iterators.filter(input, checked), true);
    }

    public <R> Rdd<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
        return mapPartitions(f, false);
    }

    public <R> Rdd<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f, boolean preservesPartitioning) {
        FlatMapFunction<Iterator<T>, R> checked = Closures.checked(f, "mapPartitions");
        return mapPartitionsInternal((task, p, input) -> checked.call(input), preservesPartitioning);
    }

    public <R> Rdd<R> mapPartitionsWithIndex(Function2<Integer, Iterator<T>, Iterator<R>> f, boolean preservesPartitioning) {
        Function2<Integer, Iterator<T>, Iterator<R>> checked = Closures.checked(f, "mapPartitionsWithIndex");
        return mapPartitionsInternal((task, p, input) -> checked.call(p, input), preservesPartitioning);
    }

    public <K, V> PairRdd<K, V> mapToPair(PairFunction<T, K, V> f) {
        PairFunction<T, K, V> checked = Closures.checked(f, "mapToPair");
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> Iterators.map(input, checked::call), false));
    }

    public <K, V> PairRdd<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
        PairFlatMapFunction<T, K, V> checked = Closures.checked(f, "flatMapToPair");
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> Iterators.flatMap(input, checked::call), false));
    }

    public <K> PairRdd<K, T> keyBy(Function<T, K> f) {
        Function<T, K> checked = Closures.checked(f, "keyBy");
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> Iterators.map(input, t -> Pair.of(checked.call(t), t)), false));
    }

    /** A narrow transformation partition by partition; the way every per-element operation is built. */
    final <R> Rdd<R> mapPartitionsInternal(MapPartitionsRdd.PartitionFunction<T, R> f, boolean preservesPartitioning) {
        return new MapPartitionsRdd<>(this, f, preservesPartitioning);
    }

    // ---- persistence

    /** Keeps the partitions in memory as objects once computed ({@code MEMORY_ONLY}). */
    public Rdd<T> cache() {
        return persist(StorageLevel.MEMORY_ONLY);
    }

    /**
     * Keeps the partitions at {@code level} once computed: the next action computes and stores
     * them, later ones read them. A partition that is evicted (or lost) is computed again from
     * lineage. The level cannot be changed once set, except back to none by {@link #unpersist}.
     */
    public Rdd<T> persist(StorageLevel level) {
        StorageLevel current = storageLevel;
        if (current != StorageLevel.NONE && !current.equals(level)) {
            throw new UnsupportedOperationException("Cannot change storage level of an RDD after it was already assigned a level");
        }
        storageLevel = level;
        return this;
    }

    public Rdd<T> unpersist() {
        return unpersist(false);
    }

    public Rdd<T> unpersist(boolean blocking) {
        storageLevel = StorageLevel.NONE;
        context.blocks().removeRdd(id);
        return this;
    }

    public StorageLevel getStorageLevel() {
        return storageLevel;
    }

    /**
     * Marks this RDD to be saved to files under the context's checkpoint directory by the next job
     * that computes it (before any job, as Spark requires); from then on it is read from those files
     * and its lineage is no longer used. The files are written by a job of their own after that
     * job, which computes the RDD again unless it is persisted.
     */
    public void checkpoint() {
        if (context.checkpointDirectory().isEmpty()) {
            throw new IllegalStateException("Checkpoint directory has not been set in the SparkContext");
        }
        if (checkpoint == null) {
            checkpointRequested = true;
        }
    }

    public boolean isCheckpointed() {
        return checkpoint != null;
    }

    /** The directory of the checkpoint files, once written. */
    public Optional<String> getCheckpointFile() {
        Checkpoint written = checkpoint;
        return written == null ? Optional.empty() : Optional.of(written.directory().toString());
    }

    /** After a job on this RDD: writes the checkpoints asked for, of this RDD or, when not asked for it, its ancestors. */
    final void doCheckpoint() {
        if (checkpoint != null) {
            return;
        }
        if (checkpointRequested) {
            // Cleared first: the job writing the files must not write them again when it ends.
            checkpointRequested = false;
            try {
                checkpoint = Checkpoint.write(this, context.checkpointDirectory().orElseThrow().resolve("rdd-" + id));
            } catch (RuntimeException e) {
                checkpointRequested = true;
                throw e;
            }
        } else {
            narrowParents().forEach(Rdd::doCheckpoint);
        }
    }

    /**
     * Saves the elements as files of serialized objects, one per partition ({@code part-00000},
     * ...), read back by {@code EmberContext.objectFile}. The format is Ember's own (Spark writes
     * Hadoop SequenceFiles): Java serialization, readable by Ember only.
     */
    public void saveAsObjectFile(String path) {
        Checkpoint.save(this, dev.ember.fs.Location.of(path));
    }

    // ---- actions

    /** Every element, partition by partition, on the driver. */
    public List<T> collect() {
        List<T> all = new ArrayList<>();
        for (List<T> partition : context.runJob(this, Rdd::drain)) {
            all.addAll(partition);
        }
        return all;
    }

    public long count() {
        long total = 0;
        for (long n : context.runJob(this, (input, task) -> {
            long c = 0;
            for (; input.hasNext(); input.next()) {
                c++;
            }
            return c;
        })) {
            total += n;
        }
        return total;
    }

    /** Combines the elements with an associative, commutative function; fails on an empty RDD as Spark does. */
    public T reduce(Function2<T, T, T> f) {
        Function2<T, T, T> checked = Closures.checked(f, "reduce");
        Optional<T> result = Optional.empty();
        for (Optional<T> partial : context.runJob(this, (input, task) -> {
            if (!input.hasNext()) {
                return Optional.<T>empty();
            }
            T acc = input.next();
            while (input.hasNext()) {
                acc = checked.call(acc, input.next());
            }
            return Optional.ofNullable(acc);
        })) {
            if (partial.isPresent()) {
                T value = partial.get();
                result = Optional.of(result.isEmpty() ? value : call(checked, result.get(), value));
            }
        }
        return result.orElseThrow(() -> new UnsupportedOperationException("empty collection"));
    }

    public void foreach(VoidFunction<T> f) {
        VoidFunction<T> checked = Closures.checked(f, "foreach");
        context.runJob(this, (input, task) -> {
            while (input.hasNext()) {
                checked.call(input.next());
            }
            return null;
        });
    }

    static <A, B, R> R call(Function2<A, B, R> f, A a, B b) {
        try {
            return f.call(a, b);
        } catch (Exception e) {
            throw Closures.rethrow(e);
        }
    }

    static <T> List<T> drain(Iterator<T> input, TaskContext task) {
        List<T> out = new ArrayList<>();
        input.forEachRemaining(out::add);
        return out;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
