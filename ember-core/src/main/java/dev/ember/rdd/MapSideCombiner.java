package dev.ember.rdd;

import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.scheduler.MapOutputWriter;

/**
 * A map task's combiners, one {@link CombineMap} per reduce partition, within the task's execution
 * memory: their estimated size is reserved as they grow, and when the task refuses more they are
 * flushed to the shuffle output and started again. Combining is then partial, which is fine: the
 * reduce side merges the combiners of every map task anyway.
 */
final class MapSideCombiner<K, V, C> extends MemoryConsumer {
    /** Inserts between two looks at the maps' estimated size. */
    private static final int CHECK_INTERVAL = 64;

    private final Aggregator<V, C> aggregator;
    private final MapOutputWriter output;
    private final CombineMap<K, C>[] maps;
    private int sinceCheck;

    @SuppressWarnings("unchecked")
    MapSideCombiner(TaskMemory memory, int partitions, Aggregator<V, C> aggregator, MapOutputWriter output) {
        super(memory, "RDD combineByKey (map side)");
        this.aggregator = aggregator;
        this.output = output;
        this.maps = new CombineMap[partitions];
        for (int p = 0; p < partitions; p++) {
            maps[p] = new CombineMap<>();
        }
    }

    void insert(int partition, K key, V value) {
        maps[partition].merge(key, value, aggregator.createCombiner(), aggregator.mergeValue());
        if (++sinceCheck == CHECK_INTERVAL) {
            sinceCheck = 0;
            reserveOrFlush();
        }
    }

    private void reserveOrFlush() {
        long estimate = 0;
        int keys = 0;
        for (CombineMap<K, C> map : maps) {
            estimate += map.estimatedBytes();
            keys += map.size();
        }
        if (estimate <= reserved() || tryReserveUpTo(2 * estimate) || tryReserveUpTo(estimate)) {
            return;
        }
        if (keys <= 1) {
            throw memory().outOfMemory(this, estimate); // one key's combiner alone is more than the task may have
        }
        flush();
    }

    /** Hands every combiner to the shuffle output and starts again empty. */
    void flush() {
        for (int p = 0; p < maps.length; p++) {
            int partition = p;
            CombineMap<K, C> map = maps[p];
            maps[p] = new CombineMap<>();
            map.forEach((key, combiner) -> output.add(partition, Pair.of(key, combiner)));
        }
        releaseAll();
    }

    /**
     * Memory asked for by another consumer of the task is not given from here: flushing writes to
     * the shuffle output, which may be that consumer, in the middle of adding a block. The combiners
     * keep to their own reservation, and flush themselves when it cannot grow.
     */
    @Override
    public long spill(long needed) {
        return 0;
    }
}
