package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.rdd.function.FlatMapFunction;
import dev.ember.rdd.function.Function;
import dev.ember.rdd.function.Function2;
import dev.ember.rdd.function.PairFlatMapFunction;
import dev.ember.rdd.function.PairFunction;
import dev.ember.rdd.function.VoidFunction;
import dev.ember.scheduler.ShuffleDependency;
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

    /** The elements of one partition, inside a task. */
    public final Iterator<T> iterator(int partition, TaskContext task) {
        return compute(partition, task);
    }

    /** The shuffles a stage computing this RDD reads: those of this RDD and its narrow ancestors. */
    final List<ShuffleDependency> stageInputs() {
        Map<Integer, ShuffleDependency> inputs = new LinkedHashMap<>();
        collectStageInputs(this, inputs);
        return new ArrayList<>(inputs.values());
    }

    private static void collectStageInputs(Rdd<?> rdd, Map<Integer, ShuffleDependency> inputs) {
        rdd.shuffleParents().forEach(s -> inputs.putIfAbsent(s.shuffleId(), s));
        rdd.narrowParents().forEach(parent -> collectStageInputs(parent, inputs));
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
