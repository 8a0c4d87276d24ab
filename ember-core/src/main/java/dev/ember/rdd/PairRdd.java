package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.rdd.function.Function;
import dev.ember.rdd.function.Function2;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * An RDD of key-value pairs with the by-key operations, as Spark's {@code JavaPairRDD}. Made by
 * {@code mapToPair}, {@code keyBy} or {@link #of}; a view of the pairs it wraps, adding no work.
 */
public final class PairRdd<K, V> extends Rdd<Pair<K, V>> {
    private static final long serialVersionUID = 1L;

    private final Rdd<Pair<K, V>> pairs;

    PairRdd(Rdd<Pair<K, V>> pairs) {
        super(pairs.context());
        this.pairs = pairs;
    }

    /** The pairs of an RDD of pairs, with the by-key operations (Spark's {@code JavaPairRDD.fromJavaRDD}). */
    public static <K, V> PairRdd<K, V> of(Rdd<Pair<K, V>> pairs) {
        return pairs instanceof PairRdd<K, V> pairRdd ? pairRdd : new PairRdd<>(pairs);
    }

    @Override
    public int getNumPartitions() {
        return pairs.getNumPartitions();
    }

    @Override
    protected Iterator<Pair<K, V>> compute(int partition, TaskContext task) {
        return pairs.iterator(partition, task);
    }

    @Override
    protected List<Rdd<?>> narrowParents() {
        return List.of(pairs);
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return pairs.partitioner();
    }

    // ---- by key

    public <C> PairRdd<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
            Function2<C, C, C> mergeCombiners, Partitioner partitioner, boolean mapSideCombine) {
        Aggregator<V, C> aggregator = new Aggregator<>(Closures.checked(createCombiner, "combineByKey"),
                Closures.checked(mergeValue, "combineByKey"), Closures.checked(mergeCombiners, "combineByKey"));
        if (partitioner.equals(partitioner().orElse(null))) {
            // Already partitioned so: combine within each partition, no shuffle (as Spark).
            return new PairRdd<>(mapPartitionsInternal((task, p, input) -> combineLocally(input, aggregator), true));
        }
        return new PairRdd<>(new ShuffledRdd<>(this, partitioner, aggregator, mapSideCombine, null));
    }

    public <C> PairRdd<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
            Function2<C, C, C> mergeCombiners, Partitioner partitioner) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
    }

    public <C> PairRdd<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
            Function2<C, C, C> mergeCombiners, int numPartitions) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(numPartitions));
    }

    public <C> PairRdd<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
            Function2<C, C, C> mergeCombiners) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, context().defaultPartitioner(this));
    }

    public PairRdd<K, V> reduceByKey(Partitioner partitioner, Function2<V, V, V> f) {
        return combineByKey(v -> v, f, f, partitioner);
    }

    public PairRdd<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
        return reduceByKey(new HashPartitioner(numPartitions), f);
    }

    public PairRdd<K, V> reduceByKey(Function2<V, V, V> f) {
        return reduceByKey(context().defaultPartitioner(this), f);
    }

    /** The values of each key together; no map-side combining, as Spark (it would not shrink anything). */
    public PairRdd<K, Iterable<V>> groupByKey(Partitioner partitioner) {
        PairRdd<K, List<V>> grouped = combineByKey(v -> {
            List<V> values = new ArrayList<>();
            values.add(v);
            return values;
        }, (values, v) -> {
            values.add(v);
            return values;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }, partitioner, false);
        return grouped.mapValues(values -> values);
    }

    public PairRdd<K, Iterable<V>> groupByKey(int numPartitions) {
        return groupByKey(new HashPartitioner(numPartitions));
    }

    public PairRdd<K, Iterable<V>> groupByKey() {
        return groupByKey(context().defaultPartitioner(this));
    }

    /** The pairs moved to the partitions {@code partitioner} gives their keys (nothing moves when they are there). */
    public PairRdd<K, V> partitionBy(Partitioner partitioner) {
        if (partitioner.equals(partitioner().orElse(null))) {
            return this;
        }
        return new PairRdd<>(new ShuffledRdd<K, V, V>(this, partitioner, null, false, null));
    }

    public <U> PairRdd<K, U> mapValues(Function<V, U> f) {
        Function<V, U> checked = Closures.checked(f, "mapValues");
        return new PairRdd<>(mapPartitionsInternal(
                (task, p, input) -> Iterators.map(input, pair -> Pair.of(pair._1(), checked.call(pair._2()))), true));
    }

    public Rdd<K> keys() {
        return mapPartitionsInternal((task, p, input) -> Iterators.map(input, Pair::_1), false);
    }

    public Rdd<V> values() {
        return mapPartitionsInternal((task, p, input) -> Iterators.map(input, Pair::_2), false);
    }

    private static <K, V, C> Iterator<Pair<K, C>> combineLocally(Iterator<Pair<K, V>> input, Aggregator<V, C> aggregator) {
        java.util.Map<K, C> combined = new java.util.LinkedHashMap<>();
        while (input.hasNext()) {
            Pair<K, V> record = input.next();
            ShuffledRdd.merge(combined, record._1(), record._2(), aggregator.createCombiner(), aggregator.mergeValue());
        }
        return ShuffledRdd.pairsOf(combined).iterator();
    }

    // ---- persistence

    @Override
    public PairRdd<K, V> cache() {
        super.cache();
        return this;
    }

    @Override
    public PairRdd<K, V> persist(StorageLevel level) {
        super.persist(level);
        return this;
    }

    @Override
    public PairRdd<K, V> unpersist() {
        super.unpersist();
        return this;
    }

    @Override
    public PairRdd<K, V> unpersist(boolean blocking) {
        super.unpersist(blocking);
        return this;
    }
}
