package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.rdd.function.FlatMapFunction;
import dev.ember.rdd.function.Function;
import dev.ember.rdd.function.Function2;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
            return new PairRdd<>(mapPartitionsInternal((task, p, input) -> combineLocally(task, input, aggregator), true));
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

    /** Folds the values of each key, starting each key in each partition from a copy of {@code zeroValue}. */
    public PairRdd<K, V> foldByKey(V zeroValue, Partitioner partitioner, Function2<V, V, V> func) {
        V zero = Closures.checked(zeroValue, "foldByKey");
        Function2<V, V, V> checked = Closures.checked(func, "foldByKey");
        return combineByKey(v -> checked.call(Closures.copy(zero), v), checked, checked, partitioner);
    }

    public PairRdd<K, V> foldByKey(V zeroValue, int numPartitions, Function2<V, V, V> func) {
        return foldByKey(zeroValue, new HashPartitioner(numPartitions), func);
    }

    public PairRdd<K, V> foldByKey(V zeroValue, Function2<V, V, V> func) {
        return foldByKey(zeroValue, context().defaultPartitioner(this), func);
    }

    /** Aggregates the values of each key into a result of another type: {@code seqFunc} adds a value, {@code combFunc} merges results. */
    public <U> PairRdd<K, U> aggregateByKey(U zeroValue, Partitioner partitioner, Function2<U, V, U> seqFunc, Function2<U, U, U> combFunc) {
        U zero = Closures.checked(zeroValue, "aggregateByKey");
        Function2<U, V, U> seq = Closures.checked(seqFunc, "aggregateByKey");
        return combineByKey(v -> seq.call(Closures.copy(zero), v), seq, combFunc, partitioner);
    }

    public <U> PairRdd<K, U> aggregateByKey(U zeroValue, int numPartitions, Function2<U, V, U> seqFunc, Function2<U, U, U> combFunc) {
        return aggregateByKey(zeroValue, new HashPartitioner(numPartitions), seqFunc, combFunc);
    }

    public <U> PairRdd<K, U> aggregateByKey(U zeroValue, Function2<U, V, U> seqFunc, Function2<U, U, U> combFunc) {
        return aggregateByKey(zeroValue, context().defaultPartitioner(this), seqFunc, combFunc);
    }

    // ---- grouping several pair RDDs by key: all through CoGroupedRdd

    /** For each key in either RDD, its values in this one and in {@code other}. */
    public <W> PairRdd<K, Pair<Iterable<V>, Iterable<W>>> cogroup(PairRdd<K, W> other, Partitioner partitioner) {
        return cogroupAll(partitioner, other).mapValues(g -> Pair.of(group(g, 0), group(g, 1)));
    }

    public <W> PairRdd<K, Pair<Iterable<V>, Iterable<W>>> cogroup(PairRdd<K, W> other, int numPartitions) {
        return cogroup(other, new HashPartitioner(numPartitions));
    }

    public <W> PairRdd<K, Pair<Iterable<V>, Iterable<W>>> cogroup(PairRdd<K, W> other) {
        return cogroup(other, context().defaultPartitioner(this, other));
    }

    public <W1, W2> PairRdd<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRdd<K, W1> other1, PairRdd<K, W2> other2,
            Partitioner partitioner) {
        return cogroupAll(partitioner, other1, other2).mapValues(g -> new Tuple3<>(group(g, 0), group(g, 1), group(g, 2)));
    }

    public <W1, W2> PairRdd<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRdd<K, W1> other1, PairRdd<K, W2> other2,
            int numPartitions) {
        return cogroup(other1, other2, new HashPartitioner(numPartitions));
    }

    public <W1, W2> PairRdd<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(PairRdd<K, W1> other1, PairRdd<K, W2> other2) {
        return cogroup(other1, other2, context().defaultPartitioner(this, other1, other2));
    }

    public <W1, W2, W3> PairRdd<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(PairRdd<K, W1> other1,
            PairRdd<K, W2> other2, PairRdd<K, W3> other3, Partitioner partitioner) {
        return cogroupAll(partitioner, other1, other2, other3)
                .mapValues(g -> new Tuple4<>(group(g, 0), group(g, 1), group(g, 2), group(g, 3)));
    }

    public <W1, W2, W3> PairRdd<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(PairRdd<K, W1> other1,
            PairRdd<K, W2> other2, PairRdd<K, W3> other3, int numPartitions) {
        return cogroup(other1, other2, other3, new HashPartitioner(numPartitions));
    }

    public <W1, W2, W3> PairRdd<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(PairRdd<K, W1> other1,
            PairRdd<K, W2> other2, PairRdd<K, W3> other3) {
        return cogroup(other1, other2, other3, context().defaultPartitioner(this, other1, other2, other3));
    }

    /** Every pair of values of a key found in both RDDs. */
    public <W> PairRdd<K, Pair<V, W>> join(PairRdd<K, W> other, Partitioner partitioner) {
        return cogroup(other, partitioner).flatMapValuesInternal(groups -> {
            List<Pair<V, W>> out = new ArrayList<>();
            for (V v : groups._1()) {
                for (W w : groups._2()) {
                    out.add(Pair.of(v, w));
                }
            }
            return out;
        });
    }

    public <W> PairRdd<K, Pair<V, W>> join(PairRdd<K, W> other, int numPartitions) {
        return join(other, new HashPartitioner(numPartitions));
    }

    public <W> PairRdd<K, Pair<V, W>> join(PairRdd<K, W> other) {
        return join(other, context().defaultPartitioner(this, other));
    }

    /** The join, plus each value of this RDD whose key {@code other} lacks, paired with an empty Optional. */
    public <W> PairRdd<K, Pair<V, Optional<W>>> leftOuterJoin(PairRdd<K, W> other, Partitioner partitioner) {
        return cogroup(other, partitioner).flatMapValuesInternal(groups -> {
            List<Pair<V, Optional<W>>> out = new ArrayList<>();
            for (V v : groups._1()) {
                for (Optional<W> w : present(groups._2())) {
                    out.add(Pair.of(v, w));
                }
            }
            return out;
        });
    }

    public <W> PairRdd<K, Pair<V, Optional<W>>> leftOuterJoin(PairRdd<K, W> other, int numPartitions) {
        return leftOuterJoin(other, new HashPartitioner(numPartitions));
    }

    public <W> PairRdd<K, Pair<V, Optional<W>>> leftOuterJoin(PairRdd<K, W> other) {
        return leftOuterJoin(other, context().defaultPartitioner(this, other));
    }

    public <W> PairRdd<K, Pair<Optional<V>, W>> rightOuterJoin(PairRdd<K, W> other, Partitioner partitioner) {
        return cogroup(other, partitioner).flatMapValuesInternal(groups -> {
            List<Pair<Optional<V>, W>> out = new ArrayList<>();
            for (Optional<V> v : present(groups._1())) {
                for (W w : groups._2()) {
                    out.add(Pair.of(v, w));
                }
            }
            return out;
        });
    }

    public <W> PairRdd<K, Pair<Optional<V>, W>> rightOuterJoin(PairRdd<K, W> other, int numPartitions) {
        return rightOuterJoin(other, new HashPartitioner(numPartitions));
    }

    public <W> PairRdd<K, Pair<Optional<V>, W>> rightOuterJoin(PairRdd<K, W> other) {
        return rightOuterJoin(other, context().defaultPartitioner(this, other));
    }

    public <W> PairRdd<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairRdd<K, W> other, Partitioner partitioner) {
        return cogroup(other, partitioner).flatMapValuesInternal(groups -> {
            List<Pair<Optional<V>, Optional<W>>> out = new ArrayList<>();
            for (Optional<V> v : present(groups._1())) {
                for (Optional<W> w : present(groups._2())) {
                    out.add(Pair.of(v, w));
                }
            }
            return out;
        });
    }

    public <W> PairRdd<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairRdd<K, W> other, int numPartitions) {
        return fullOuterJoin(other, new HashPartitioner(numPartitions));
    }

    public <W> PairRdd<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairRdd<K, W> other) {
        return fullOuterJoin(other, context().defaultPartitioner(this, other));
    }

    /** The pairs whose key is not in {@code other}, in as many partitions as this RDD has. */
    public <W> PairRdd<K, V> subtractByKey(PairRdd<K, W> other) {
        return subtractByKey(other, new HashPartitioner(getNumPartitions()));
    }

    public <W> PairRdd<K, V> subtractByKey(PairRdd<K, W> other, int numPartitions) {
        return subtractByKey(other, new HashPartitioner(numPartitions));
    }

    public <W> PairRdd<K, V> subtractByKey(PairRdd<K, W> other, Partitioner partitioner) {
        return cogroupAll(partitioner, other).flatMapValuesInternal(g -> g.get(1).isEmpty() ? group(g, 0) : List.<V>of());
    }

    @SafeVarargs
    private PairRdd<K, List<List<Object>>> cogroupAll(Partitioner partitioner, PairRdd<K, ?>... others) {
        List<Rdd<? extends Pair<K, ?>>> inputs = new ArrayList<>();
        inputs.add(this);
        inputs.addAll(List.of(others));
        return new PairRdd<>(new CoGroupedRdd<>(inputs, partitioner));
    }

    @SuppressWarnings("unchecked")
    private static <X> Iterable<X> group(List<List<Object>> groups, int input) {
        return (Iterable<X>) (List<?>) groups.get(input);
    }

    /** Each value as present, or one empty Optional when there are none (the outer side of an outer join). */
    private static <X> List<Optional<X>> present(Iterable<X> values) {
        List<Optional<X>> out = new ArrayList<>();
        values.forEach(value -> out.add(Optional.of(value)));
        return out.isEmpty() ? List.of(Optional.empty()) : out;
    }

    // ---- sorting

    /** The pairs sorted by key in natural order, range-partitioned into as many partitions as this RDD has. */
    public PairRdd<K, V> sortByKey() {
        return sortByKey(true);
    }

    public PairRdd<K, V> sortByKey(boolean ascending) {
        return sortByKey(ascending, getNumPartitions());
    }

    public PairRdd<K, V> sortByKey(boolean ascending, int numPartitions) {
        return sortByKey(Rdd.naturalOrder(), ascending, numPartitions);
    }

    public PairRdd<K, V> sortByKey(Comparator<K> comparator) {
        return sortByKey(comparator, true);
    }

    public PairRdd<K, V> sortByKey(Comparator<K> comparator, boolean ascending) {
        return sortByKey(comparator, ascending, getNumPartitions());
    }

    /**
     * The pairs sorted by key: partition {@code i} holds keys before those of partition
     * {@code i + 1} (a {@link RangePartitioner}, which samples the keys with a job right away),
     * and each partition is sorted, so {@code collect} returns them all in order.
     */
    public PairRdd<K, V> sortByKey(Comparator<K> comparator, boolean ascending, int numPartitions) {
        Comparator<K> checked = Closures.checked(comparator, "sortByKey");
        RangePartitioner<K> ranges = new RangePartitioner<>(numPartitions, this, ascending, checked);
        return new PairRdd<>(new ShuffledRdd<K, V, V>(this, ranges, null, false, ascending ? checked : Collections.reverseOrder(checked)));
    }

    /** Each value replaced by any number of values, the key kept (and the partitioning). */
    public <U> PairRdd<K, U> flatMapValues(FlatMapFunction<V, U> f) {
        FlatMapFunction<V, U> checked = Closures.checked(f, "flatMapValues");
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> Iterators.flatMap(input,
                pair -> Iterators.map(checked.call(pair._2()), u -> Pair.of(pair._1(), u))), true));
    }

    private <U> PairRdd<K, U> flatMapValuesInternal(Function<V, Iterable<U>> f) {
        return new PairRdd<>(mapPartitionsInternal((task, p, input) -> Iterators.flatMap(input,
                pair -> Iterators.map(f.call(pair._2()).iterator(), u -> Pair.of(pair._1(), u))), true));
    }

    // ---- actions by key

    /** How many pairs each key has, counted by a shuffle and returned to the driver. */
    public Map<K, Long> countByKey() {
        Map<K, Long> counts = new HashMap<>();
        for (Pair<K, Long> pair : mapValues(v -> 1L).reduceByKey(Long::sum).collect()) {
            counts.put(pair._1(), pair._2());
        }
        return counts;
    }

    /** The pairs as a map on the driver; of several pairs with the same key, the last one's value. */
    public Map<K, V> collectAsMap() {
        Map<K, V> map = new HashMap<>();
        collect().forEach(pair -> map.put(pair._1(), pair._2()));
        return map;
    }

    /** The values of {@code key}; only its partition is computed when the partitioner is known. */
    public List<V> lookup(K key) {
        Optional<Partitioner> partitioner = partitioner();
        if (!partitioner.isPresent()) {
            return filter(pair -> Objects.equals(pair._1(), key)).values().collect();
        }
        int[] partition = {partitioner.get().getPartition(key)};
        return context().runJob(this, partition, (input, task) -> {
            List<V> values = new ArrayList<>();
            input.forEachRemaining(pair -> {
                if (Objects.equals(pair._1(), key)) {
                    values.add(pair._2());
                }
            });
            return values;
        }).get(0);
    }

    // ---- transformations of Rdd that keep the pairs a PairRdd (Spark's JavaPairRDD returns JavaPairRDD)

    @Override
    public PairRdd<K, V> filter(Function<Pair<K, V>, Boolean> f) {
        return new PairRdd<>(super.filter(f));
    }

    @Override
    public PairRdd<K, V> distinct() {
        return new PairRdd<>(super.distinct());
    }

    @Override
    public PairRdd<K, V> distinct(int numPartitions) {
        return new PairRdd<>(super.distinct(numPartitions));
    }

    @Override
    public PairRdd<K, V> sample(boolean withReplacement, double fraction) {
        return new PairRdd<>(super.sample(withReplacement, fraction));
    }

    @Override
    public PairRdd<K, V> sample(boolean withReplacement, double fraction, long seed) {
        return new PairRdd<>(super.sample(withReplacement, fraction, seed));
    }

    @Override
    public PairRdd<K, V> union(Rdd<Pair<K, V>> other) {
        return new PairRdd<>(super.union(other));
    }

    @Override
    public PairRdd<K, V> intersection(Rdd<Pair<K, V>> other) {
        return new PairRdd<>(super.intersection(other));
    }

    @Override
    public PairRdd<K, V> subtract(Rdd<Pair<K, V>> other) {
        return new PairRdd<>(super.subtract(other));
    }

    @Override
    public PairRdd<K, V> subtract(Rdd<Pair<K, V>> other, int numPartitions) {
        return new PairRdd<>(super.subtract(other, numPartitions));
    }

    @Override
    public PairRdd<K, V> subtract(Rdd<Pair<K, V>> other, Partitioner partitioner) {
        return new PairRdd<>(super.subtract(other, partitioner));
    }

    @Override
    public PairRdd<K, V> coalesce(int numPartitions) {
        return new PairRdd<>(super.coalesce(numPartitions));
    }

    @Override
    public PairRdd<K, V> coalesce(int numPartitions, boolean shuffle) {
        return new PairRdd<>(super.coalesce(numPartitions, shuffle));
    }

    @Override
    public PairRdd<K, V> repartition(int numPartitions) {
        return new PairRdd<>(super.repartition(numPartitions));
    }

    private static <K, V, C> Iterator<Pair<K, C>> combineLocally(TaskContext task, Iterator<Pair<K, V>> input, Aggregator<V, C> aggregator) {
        ExternalCombiner<K, V, C> combiner = new ExternalCombiner<>(task, "RDD combineByKey", aggregator);
        combiner.insertAll(input);
        return combiner.iterator();
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
