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
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;

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
    /** Spark's {@code spark.rdd.limit.scaleUpFactor}: how much more a {@code take} scans each round. */
    private static final int TAKE_SCALE_UP = 4;

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

    /** The distinct elements, in as many partitions as this RDD has. */
    public Rdd<T> distinct() {
        return distinct(getNumPartitions());
    }

    /**
     * The distinct elements. When this RDD is partitioned by key into that many partitions, equal
     * elements already share a partition and are removed in place, without a shuffle (as Spark).
     */
    public Rdd<T> distinct(int numPartitions) {
        if (partitioner().isPresent() && numPartitions == getNumPartitions()) {
            return mapPartitionsInternal((task, p, input) -> {
                ExternalCombiner<T, T, Boolean> seen = new ExternalCombiner<>(task, "RDD distinct",
                        new Aggregator<>(element -> Boolean.TRUE, (present, element) -> present, (present, more) -> present));
                while (input.hasNext()) {
                    T element = input.next();
                    seen.insert(element, element);
                }
                return Iterators.map(seen.iterator(), Pair::_1);
            }, true);
        }
        return asKeys().reduceByKey((a, b) -> a, numPartitions).keys();
    }

    /** A random sample (seeded at random); see {@link #sample(boolean, double, long)}. */
    public Rdd<T> sample(boolean withReplacement, double fraction) {
        return sample(withReplacement, fraction, new Random().nextLong());
    }

    /**
     * A random sample: without replacement each element with probability {@code fraction}; with
     * replacement each element a Poisson-distributed number of times with mean {@code fraction}.
     * Each partition draws from its own seed, derived from {@code seed} as Spark derives it, so the
     * same seed samples what Spark samples (with replacement, only up to a fraction of 0.4).
     */
    public Rdd<T> sample(boolean withReplacement, double fraction, long seed) {
        if (fraction < 0) {
            throw new IllegalArgumentException("requirement failed: Fraction must be nonnegative, but got " + fraction);
        }
        if (!withReplacement && fraction > 1 + 1e-6) {
            throw new IllegalArgumentException("requirement failed: Sampling fraction (" + fraction + ") must be on interval [0, 1]");
        }
        Random seeds = new Random(seed);
        long[] partitionSeeds = new long[getNumPartitions()];
        Arrays.setAll(partitionSeeds, p -> seeds.nextLong());
        return mapPartitionsInternal((task, p, input) -> withReplacement
                ? Sampling.poisson(input, fraction, partitionSeeds[p])
                : Sampling.bernoulli(input, fraction, partitionSeeds[p]), true);
    }

    /** The elements of both RDDs, duplicates kept: this RDD's partitions, then the other's. */
    public Rdd<T> union(Rdd<T> other) {
        return UnionRdd.union(List.of(this, other));
    }

    /** The distinct elements found in both RDDs. */
    public Rdd<T> intersection(Rdd<T> other) {
        PairRdd<T, Object> mine = asKeys();
        PairRdd<T, Object> theirs = other.asKeys();
        return new CoGroupedRdd<>(List.of(mine, theirs), context.defaultPartitioner(mine, theirs))
                .mapPartitionsInternal((task, p, input) -> Iterators.map(
                        Iterators.filter(input, group -> !group._2().get(0).isEmpty() && !group._2().get(1).isEmpty()), Pair::_1), true);
    }

    /** The elements not in {@code other}, duplicates kept, in as many partitions as this RDD has. */
    public Rdd<T> subtract(Rdd<T> other) {
        return subtract(other, partitioner().isPresent() ? partitioner().get() : new HashPartitioner(getNumPartitions()));
    }

    public Rdd<T> subtract(Rdd<T> other, int numPartitions) {
        return subtract(other, new HashPartitioner(numPartitions));
    }

    public Rdd<T> subtract(Rdd<T> other, Partitioner partitioner) {
        // The elements of a partitioned RDD are pairs: keep each where the partitioner puts its key.
        Partitioner byElement = partitioner.equals(partitioner().orElse(null)) ? new PairKeyPartitioner(partitioner) : partitioner;
        return asKeys().subtractByKey(other.asKeys(), byElement).keys();
    }

    /** Every pair of an element of this RDD and one of {@code other}. */
    public <U> PairRdd<T, U> cartesian(Rdd<U> other) {
        return new PairRdd<>(new CartesianRdd<>(this, other));
    }

    /** The n-th element of this RDD paired with the n-th of {@code other}; both must have the same partitions and partition sizes. */
    public <U> PairRdd<T, U> zip(Rdd<U> other) {
        return new PairRdd<>(new ZippedRdd<>(this, other));
    }

    /**
     * Each element with its position in the RDD, counting partition by partition. As in Spark,
     * this runs a job right away to count the elements of every partition but the last.
     */
    public PairRdd<T, Long> zipWithIndex() {
        int partitions = getNumPartitions();
        long[] starts = new long[partitions];
        if (partitions > 1) {
            int[] counted = IntStream.range(0, partitions - 1).toArray();
            List<Long> counts = context.runJob(this, counted, (input, task) -> count(input));
            for (int p = 1; p < partitions; p++) {
                starts[p] = starts[p - 1] + counts.get(p - 1);
            }
        }
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> {
            long[] next = {starts[p]};
            return Iterators.map(input, element -> Pair.of(element, next[0]++));
        }, false));
    }

    /** Each element with an id unique in the RDD: the k-th element of partition p of n gets {@code k * n + p}; no job. */
    public PairRdd<T, Long> zipWithUniqueId() {
        long partitions = getNumPartitions();
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> {
            long[] k = {0};
            return Iterators.map(input, element -> Pair.of(element, k[0]++ * partitions + p));
        }, false));
    }

    /** Each partition as one list. */
    public Rdd<List<T>> glom() {
        return mapPartitionsInternal((task, p, input) -> List.of(drain(input, task)).iterator(), false);
    }

    /** At most {@code numPartitions} partitions, made by concatenating neighbouring ones (no shuffle). */
    public Rdd<T> coalesce(int numPartitions) {
        return coalesce(numPartitions, false);
    }

    /**
     * At most {@code numPartitions} partitions; with {@code shuffle}, exactly that many, the
     * elements dealt round-robin from a seeded position in each input partition, as Spark's.
     */
    public Rdd<T> coalesce(int numPartitions, boolean shuffle) {
        if (numPartitions <= 0) {
            throw new IllegalArgumentException("requirement failed: Number of partitions (" + numPartitions + ") must be positive.");
        }
        if (!shuffle) {
            return UnionRdd.coalesce(this, numPartitions);
        }
        Rdd<Pair<Integer, T>> dealt = mapPartitionsInternal((task, p, input) -> {
            int[] position = {new XorShiftRandom(p).nextInt(numPartitions)};
            return Iterators.map(input, element -> Pair.of(++position[0], element));
        }, false);
        Rdd<Pair<Integer, T>> shuffled = new ShuffledRdd<Integer, T, T>(dealt, new HashPartitioner(numPartitions), null, false, null);
        return UnionRdd.coalesce(shuffled, numPartitions).mapPartitionsInternal((task, p, input) -> Iterators.map(input, Pair::_2), false);
    }

    /** Exactly {@code numPartitions} partitions, through a shuffle. */
    public Rdd<T> repartition(int numPartitions) {
        return coalesce(numPartitions, true);
    }

    /** The elements sorted by {@code f}'s natural order, range-partitioned into {@code numPartitions}. */
    public <S> Rdd<T> sortBy(Function<T, S> f, boolean ascending, int numPartitions) {
        return keyBy(f).sortByKey(ascending, numPartitions).values();
    }

    /** A narrow transformation partition by partition; the way every per-element operation is built. */
    final <R> Rdd<R> mapPartitionsInternal(MapPartitionsRdd.PartitionFunction<T, R> f, boolean preservesPartitioning) {
        return new MapPartitionsRdd<>(this, f, preservesPartitioning);
    }

    /** Each element as a key with no value: how set operations use the by-key machinery. */
    private PairRdd<T, Object> asKeys() {
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> Iterators.map(input, element -> Pair.of(element, null)), false));
    }

    /** Partitions pairs where another partitioner puts their keys. */
    private static final class PairKeyPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final Partitioner byKey;

        PairKeyPartitioner(Partitioner byKey) {
            this.byKey = byKey;
        }

        @Override
        public int numPartitions() {
            return byKey.numPartitions();
        }

        @Override
        public int getPartition(Object pair) {
            return byKey.getPartition(((Pair<?, ?>) pair)._1());
        }
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
     * Saves the elements as text, one line per element ({@code String.valueOf}), one file per
     * partition ({@code part-00000}, ...), as Spark's {@code saveAsTextFile}. The directory must not
     * exist; it appears, with {@code _SUCCESS}, only when every task succeeded.
     */
    public void saveAsTextFile(String path) {
        Checkpoint.writeParts(this, dev.ember.fs.Location.of(path), (elements, out) -> {
            java.io.Writer text = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
            while (elements.hasNext()) {
                text.write(String.valueOf(elements.next()));
                text.write('\n');
            }
            text.flush();
        });
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
        for (long n : context.runJob(this, (input, task) -> count(input))) {
            total += n;
        }
        return total;
    }

    /** Combines the elements with an associative, commutative function; fails on an empty RDD as Spark does. */
    public T reduce(Function2<T, T, T> f) {
        Function2<T, T, T> checked = Closures.checked(f, "reduce");
        T result = null;
        boolean any = false;
        // Each partition's result is empty or one value, in a list.
        for (List<T> partial : context.runJob(this, (input, task) -> {
            if (!input.hasNext()) {
                return Collections.<T>emptyList();
            }
            T acc = input.next();
            while (input.hasNext()) {
                acc = checked.call(acc, input.next());
            }
            return Collections.singletonList(acc);
        })) {
            if (!partial.isEmpty()) {
                T value = partial.get(0);
                result = any ? call(checked, result, value) : value;
                any = true;
            }
        }
        if (!any) {
            throw new UnsupportedOperationException("empty collection");
        }
        return result;
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

    /** The first element; fails on an empty RDD as Spark does. */
    public T first() {
        List<T> first = take(1);
        if (first.isEmpty()) {
            throw new UnsupportedOperationException("empty collection");
        }
        return first.get(0);
    }

    /**
     * The first {@code num} elements, as Spark finds them: one partition first, then more at a
     * time (estimated from what came so far, at most four times as many as already scanned) until
     * there are enough, so that a small take does not compute the whole RDD.
     */
    public List<T> take(int num) {
        List<T> taken = new ArrayList<>();
        int partitions = getNumPartitions();
        int scanned = 0;
        while (taken.size() < num && scanned < partitions) {
            int tryNext = 1;
            if (scanned > 0) {
                tryNext = taken.isEmpty() ? scanned * TAKE_SCALE_UP
                        : Math.min((int) Math.ceil(1.5 * (num - taken.size()) * scanned / taken.size()), scanned * TAKE_SCALE_UP);
            }
            int[] batch = IntStream.range(scanned, Math.min(scanned + tryNext, partitions)).toArray();
            int left = num - taken.size();
            for (List<T> found : context.runJob(this, batch, (input, task) -> {
                List<T> out = new ArrayList<>();
                while (out.size() < left && input.hasNext()) {
                    out.add(input.next());
                }
                return out;
            })) {
                taken.addAll(found.subList(0, Math.min(found.size(), num - taken.size())));
            }
            scanned += batch.length;
        }
        return taken;
    }

    /** The {@code num} smallest elements in natural order, sorted. */
    public List<T> takeOrdered(int num) {
        return takeOrdered(num, naturalOrder());
    }

    /** The {@code num} smallest elements by {@code comparator}, sorted; each partition sends only its own {@code num} smallest. */
    public List<T> takeOrdered(int num, Comparator<T> comparator) {
        if (num < 0) {
            throw new IllegalArgumentException("k (" + num + ") must be >= 0");
        }
        if (num == 0 || getNumPartitions() == 0) {
            return new ArrayList<>();
        }
        Comparator<T> checked = Closures.checked(comparator, "takeOrdered");
        List<T> candidates = new ArrayList<>();
        for (List<T> smallest : context.runJob(this, (input, task) -> smallest(input, num, checked))) {
            candidates.addAll(smallest);
        }
        return new ArrayList<>(smallest(candidates.iterator(), num, checked));
    }

    /** The {@code num} largest elements in natural order, largest first. */
    public List<T> top(int num) {
        return takeOrdered(num, Collections.reverseOrder(naturalOrder()));
    }

    public List<T> top(int num, Comparator<T> comparator) {
        return takeOrdered(num, Collections.reverseOrder(comparator));
    }

    /** The largest element by {@code comparator}; fails on an empty RDD. */
    public T max(Comparator<T> comparator) {
        Comparator<T> checked = Closures.checked(comparator, "max");
        return reduce((a, b) -> checked.compare(a, b) >= 0 ? a : b);
    }

    public T min(Comparator<T> comparator) {
        Comparator<T> checked = Closures.checked(comparator, "min");
        return reduce((a, b) -> checked.compare(a, b) <= 0 ? a : b);
    }

    /**
     * Folds each partition from its own copy of {@code zeroValue}, then the partitions' results
     * from another copy, in partition order (Spark merges them as tasks finish: use a function for
     * which the order does not matter).
     */
    public T fold(T zeroValue, Function2<T, T, T> op) {
        Function2<T, T, T> checked = Closures.checked(op, "fold");
        T zero = Closures.checked(zeroValue, "fold");
        T result = Closures.copy(zero);
        for (T partial : context.runJob(this, (input, task) -> {
            T acc = Closures.copy(zero);
            while (input.hasNext()) {
                acc = checked.call(acc, input.next());
            }
            return acc;
        })) {
            result = call(checked, result, partial);
        }
        return result;
    }

    /** As {@link #fold}, with a result of another type: {@code seqOp} adds an element, {@code combOp} merges results. */
    public <U> U aggregate(U zeroValue, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
        Function2<U, T, U> seq = Closures.checked(seqOp, "aggregate");
        Function2<U, U, U> comb = Closures.checked(combOp, "aggregate");
        U zero = Closures.checked(zeroValue, "aggregate");
        U result = Closures.copy(zero);
        for (U partial : context.runJob(this, (input, task) -> {
            U acc = Closures.copy(zero);
            while (input.hasNext()) {
                acc = seq.call(acc, input.next());
            }
            return acc;
        })) {
            result = call(comb, result, partial);
        }
        return result;
    }

    /** How many times each distinct element occurs. */
    public Map<T, Long> countByValue() {
        return asKeys().countByKey();
    }

    public void foreachPartition(VoidFunction<Iterator<T>> f) {
        VoidFunction<Iterator<T>> checked = Closures.checked(f, "foreachPartition");
        context.runJob(this, (input, task) -> {
            checked.call(input);
            return null;
        });
    }

    /** Whether there are no elements; computes at most what {@code take(1)} does. */
    public boolean isEmpty() {
        return getNumPartitions() == 0 || take(1).isEmpty();
    }

    /** A sample of {@code num} elements in random order (seeded at random). */
    public List<T> takeSample(boolean withReplacement, int num) {
        return takeSample(withReplacement, num, new Random().nextLong());
    }

    /**
     * A sample of {@code num} elements (fewer when the RDD has fewer and {@code withReplacement} is
     * false) in random order, as Spark's: sample with a fraction that yields enough elements with
     * very high probability (again until it does), then shuffle and cut.
     */
    public List<T> takeSample(boolean withReplacement, int num, long seed) {
        if (num < 0) {
            throw new IllegalArgumentException("requirement failed: Negative number of elements requested");
        }
        if (num > Integer.MAX_VALUE - (int) (10.0 * Math.sqrt(Integer.MAX_VALUE))) {
            throw new IllegalArgumentException("requirement failed: Cannot support a sample size > Int.MaxValue - 10.0 * math.sqrt(Int.MaxValue)");
        }
        if (num == 0) {
            return new ArrayList<>();
        }
        long total = count();
        if (total == 0) {
            return new ArrayList<>();
        }
        Random random = new Random(seed);
        if (!withReplacement && num >= total) {
            return Sampling.shuffle(collect(), random);
        }
        double fraction = Sampling.fractionFor(num, total, withReplacement);
        List<T> sample = sample(withReplacement, fraction, random.nextInt()).collect();
        while (sample.size() < num) {
            sample = sample(withReplacement, fraction, random.nextInt()).collect();
        }
        return new ArrayList<>(Sampling.shuffle(sample, random).subList(0, num));
    }

    static <A, B, R> R call(Function2<A, B, R> f, A a, B b) {
        try {
            return f.call(a, b);
        } catch (Exception e) {
            throw Closures.rethrow(e);
        }
    }

    /** The {@code num} smallest of {@code input}, sorted, keeping at most {@code num} at a time. */
    private static <T> List<T> smallest(Iterator<T> input, int num, Comparator<T> comparator) {
        PriorityQueue<T> largestFirst = new PriorityQueue<>(Collections.reverseOrder(comparator));
        while (input.hasNext()) {
            T element = input.next();
            if (largestFirst.size() < num) {
                largestFirst.add(element);
            } else if (comparator.compare(element, largestFirst.peek()) < 0) {
                largestFirst.poll();
                largestFirst.add(element);
            }
        }
        List<T> sorted = new ArrayList<>(largestFirst);
        sorted.sort(comparator);
        return sorted;
    }

    @SuppressWarnings("unchecked")
    static <T> Comparator<T> naturalOrder() {
        return (Comparator<T>) Comparator.naturalOrder();
    }

    private static long count(Iterator<?> input) {
        long c = 0;
        for (; input.hasNext(); input.next()) {
            c++;
        }
        return c;
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
