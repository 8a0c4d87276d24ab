package dev.ember.rdd;

import dev.ember.exec.TaskContext;
import dev.ember.rdd.function.Function2;
import dev.ember.scheduler.MapOutputWriter;
import dev.ember.scheduler.ShuffleDependency;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Pairs redistributed by key: the parent's pairs sent to the partition the partitioner gives
 * their key, optionally combined per key (on the map side too, when {@code mapSideCombine}) and
 * sorted by key. Every by-key operation (reduceByKey, groupByKey, join, sortByKey, ...) is this.
 * Its shuffle output outlives the job, as in Spark, so later actions on this RDD start from it.
 */
final class ShuffledRdd<K, V, C> extends Rdd<Pair<K, C>> {
    private static final long serialVersionUID = 1L;

    private final Shuffle<K, V, C> shuffle;

    /**
     * @param aggregator how to combine values per key, or {@code null} to pass the pairs as they are
     *     (then {@code C} is {@code V})
     * @param keyOrdering the order of keys within each partition, or {@code null} for none
     */
    ShuffledRdd(Rdd<Pair<K, V>> parent, Partitioner partitioner, Aggregator<V, C> aggregator, boolean mapSideCombine,
            Comparator<? super K> keyOrdering) {
        super(parent.context());
        this.shuffle = new Shuffle<>(parent.context().newShuffleId(), parent, partitioner,
                aggregator, aggregator != null && mapSideCombine, keyOrdering);
        parent.context().removeShuffleWhenUnreachable(this, shuffle.shuffleId());
    }

    @Override
    public int getNumPartitions() {
        return shuffle.partitioner.numPartitions();
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return Optional.of(shuffle.partitioner);
    }

    @Override
    protected List<ShuffleDependency> shuffleParents() {
        return List.of(shuffle);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterator<Pair<K, C>> compute(int partition, TaskContext task) {
        Iterator<Pair<K, Object>> records = task.shuffles().read(shuffle.shuffleId(), partition);
        Aggregator<V, C> aggregator = shuffle.aggregator;
        if (aggregator == null && shuffle.keyOrdering == null) {
            return (Iterator<Pair<K, C>>) (Iterator<?>) records; // streamed as read
        }
        Iterator<Pair<K, C>> result;
        if (aggregator == null) {
            result = (Iterator<Pair<K, C>>) (Iterator<?>) records;
        } else if (shuffle.mapSideCombine) {
            Function2<C, C, C> mergeCombiners = aggregator.mergeCombiners();
            ExternalCombiner<K, C, C> combiner = new ExternalCombiner<>(task, "RDD combineByKey",
                    new Aggregator<>(c -> c, mergeCombiners, mergeCombiners));
            combiner.insertAll((Iterator<Pair<K, C>>) (Iterator<?>) records);
            result = combiner.iterator();
        } else {
            ExternalCombiner<K, V, C> combiner = new ExternalCombiner<>(task, "RDD combineByKey", aggregator);
            combiner.insertAll((Iterator<Pair<K, V>>) (Iterator<?>) records);
            result = combiner.iterator();
        }
        if (shuffle.keyOrdering == null) {
            return result;
        }
        ExternalRecordSorter<Pair<K, C>> sorter = new ExternalRecordSorter<>(task, "RDD sortByKey",
                Comparator.comparing(Pair::_1, shuffle.keyOrdering));
        sorter.insertAll(result);
        return sorter.iterator();
    }

    /** The map side: the parent's partitions split by the partitioner, combined per key when asked. */
    private static final class Shuffle<K, V, C> implements ShuffleDependency, Serializable {
        private static final long serialVersionUID = 1L;

        private final int shuffleId;
        private final Rdd<Pair<K, V>> parent;
        private final Partitioner partitioner;
        private final Aggregator<V, C> aggregator;
        private final boolean mapSideCombine;
        private final Comparator<? super K> keyOrdering;

        Shuffle(int shuffleId, Rdd<Pair<K, V>> parent, Partitioner partitioner, Aggregator<V, C> aggregator,
                boolean mapSideCombine, Comparator<? super K> keyOrdering) {
            this.shuffleId = shuffleId;
            this.parent = parent;
            this.partitioner = partitioner;
            this.aggregator = aggregator;
            this.mapSideCombine = mapSideCombine;
            this.keyOrdering = keyOrdering;
        }

        @Override
        public int shuffleId() {
            return shuffleId;
        }

        @Override
        public int mapPartitions() {
            return parent.getNumPartitions();
        }

        @Override
        public List<ShuffleDependency> parents() {
            return parent.stageInputs();
        }

        @Override
        public boolean outlivesJob() {
            return true;
        }

        @Override
        public int reducePartitions() {
            return partitioner.numPartitions();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void writeMapOutput(TaskContext context, int mapPartition, MapOutputWriter output) {
            int partitions = partitioner.numPartitions();
            Iterator<Pair<K, V>> input = parent.iterator(mapPartition, context);
            if (mapSideCombine) {
                MapSideCombiner<K, V, C> combiners = new MapSideCombiner<>(context.memory(), partitions, aggregator, output);
                while (input.hasNext()) {
                    Pair<K, V> record = input.next();
                    combiners.insert(partitioner.getPartition(record._1()), record._1(), record._2());
                }
                combiners.flush();
            } else {
                while (input.hasNext()) {
                    Pair<K, V> record = input.next();
                    output.add(partitioner.getPartition(record._1()), record);
                }
            }
        }
    }
}
