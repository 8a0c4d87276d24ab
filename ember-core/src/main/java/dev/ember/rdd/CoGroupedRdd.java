package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The values of each key in each of several pair RDDs, grouped by key: what cogroup, join and its
 * outer variants, intersection and subtract are made of. Every input is brought to the same
 * partitioner first, through a {@link ShuffledRdd} unless it is already partitioned so (then it is
 * read in place, as Spark reads co-partitioned inputs), and partition {@code i} groups the inputs'
 * partitions {@code i}.
 */
final class CoGroupedRdd<K> extends Rdd<Pair<K, List<List<Object>>>> {
    private static final long serialVersionUID = 1L;

    private final List<Rdd<? extends Pair<K, ?>>> inputs;
    private final Partitioner partitioner;

    CoGroupedRdd(List<? extends Rdd<? extends Pair<K, ?>>> rdds, Partitioner partitioner) {
        super(rdds.get(0).context());
        this.partitioner = partitioner;
        List<Rdd<? extends Pair<K, ?>>> partitioned = new ArrayList<>();
        for (Rdd<? extends Pair<K, ?>> rdd : rdds) {
            partitioned.add(partitioner.equals(rdd.partitioner().orElse(null)) ? rdd : shuffled(rdd, partitioner));
        }
        this.inputs = List.copyOf(partitioned);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Rdd<Pair<K, V>> shuffled(Rdd<? extends Pair<K, ?>> rdd, Partitioner partitioner) {
        return new ShuffledRdd<K, V, V>((Rdd<Pair<K, V>>) rdd, partitioner, null, false, null);
    }

    @Override
    public int getNumPartitions() {
        return partitioner.numPartitions();
    }

    /**
     * Groups within the task's memory: each value, tagged with its input, joins its key's groups in
     * an {@link ExternalCombiner}, which spills groups (their values counted in their size) when
     * memory is short and merges them back by key.
     */
    @Override
    protected Iterator<Pair<K, List<List<Object>>>> compute(int partition, TaskContext task) {
        int width = inputs.size();
        ExternalCombiner<K, Pair<Integer, Object>, List<List<Object>>> groups = new ExternalCombiner<>(task, "RDD cogroup",
                new Aggregator<>(tagged -> add(emptyGroups(width), tagged), CoGroupedRdd::add, CoGroupedRdd::merge));
        for (int input = 0; input < width; input++) {
            for (Iterator<? extends Pair<K, ?>> records = inputs.get(input).iterator(partition, task); records.hasNext(); ) {
                Pair<K, ?> record = records.next();
                groups.insert(record._1(), Pair.of(input, record._2()));
            }
        }
        return groups.iterator();
    }

    private static List<List<Object>> emptyGroups(int width) {
        List<List<Object>> groups = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            groups.add(new ArrayList<>());
        }
        return groups;
    }

    private static List<List<Object>> add(List<List<Object>> groups, Pair<Integer, Object> tagged) {
        groups.get(tagged._1()).add(tagged._2());
        return groups;
    }

    private static List<List<Object>> merge(List<List<Object>> groups, List<List<Object>> more) {
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).addAll(more.get(i));
        }
        return groups;
    }

    @Override
    protected List<Rdd<?>> narrowParents() {
        return List.copyOf(inputs);
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return Optional.of(partitioner);
    }
}
