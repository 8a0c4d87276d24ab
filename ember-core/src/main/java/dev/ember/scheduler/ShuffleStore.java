package dev.ember.scheduler;

import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Map outputs of shuffles inside one process: blocks passed by reference, no serialization. A map
 * task publishes its output for every reduce partition at once when it finishes, so a reader never
 * sees half an output. A reader that finds an output missing gets a {@link FetchFailedException}.
 * Each output's size per reduce partition is recorded as it is published ({@link #statistics}).
 */
public final class ShuffleStore {
    private final Map<Integer, List<?>[][]> outputs = new ConcurrentHashMap<>();
    private final Map<Integer, long[][][]> sizes = new ConcurrentHashMap<>();

    /** Makes room for a shuffle's map outputs, keeping those already published. */
    public void register(int shuffleId, int mapPartitions) {
        outputs.computeIfAbsent(shuffleId, id -> new List<?>[mapPartitions][]);
        sizes.computeIfAbsent(shuffleId, id -> new long[mapPartitions][][]);
    }

    /** Publishes the output of one map task: {@code byReducePartition[r]} are the blocks for reduce partition r. */
    public void publish(int shuffleId, int mapPartition, List<?>[] byReducePartition) {
        List<?>[][] shuffle = shuffle(shuffleId);
        long[][] measured = measure(byReducePartition);
        synchronized (shuffle) {
            sizes.get(shuffleId)[mapPartition] = measured;
            shuffle[mapPartition] = byReducePartition;
        }
    }

    /** Bytes ({@code [0]}) and rows ({@code [1]}) per reduce partition: batches by their retained size, other records as rows of no size. */
    private static long[][] measure(List<?>[] byReducePartition) {
        long[] bytes = new long[byReducePartition.length];
        long[] rows = new long[byReducePartition.length];
        for (int r = 0; r < byReducePartition.length; r++) {
            for (Object block : byReducePartition[r]) {
                if (block instanceof Batch batch) {
                    bytes[r] += batch.retainedBytes();
                    rows[r] += batch.rowCount();
                } else {
                    rows[r]++;
                }
            }
        }
        return new long[][] {bytes, rows};
    }

    /** The sizes of a shuffle whose every map output is published. */
    public MapOutputStatistics statistics(int shuffleId) {
        List<?>[][] shuffle = shuffle(shuffleId);
        synchronized (shuffle) {
            long[][][] measured = sizes.get(shuffleId);
            long[][] bytes = new long[shuffle.length][];
            long[][] rows = new long[shuffle.length][];
            for (int map = 0; map < shuffle.length; map++) {
                if (shuffle[map] == null) {
                    throw new FetchFailedException(shuffleId, map);
                }
                bytes[map] = measured[map][0];
                rows[map] = measured[map][1];
            }
            return new MapOutputStatistics(shuffleId, bytes, rows);
        }
    }

    /** Every block written for {@code reducePartition}, map partition by map partition. */
    public <T> List<T> read(int shuffleId, int reducePartition) {
        return read(shuffleId, reducePartition, reducePartition + 1, 0, Integer.MAX_VALUE);
    }

    /**
     * The blocks of reduce partitions {@code [startReduce, endReduce)} written by map partitions
     * {@code [startMap, endMap)} (an end past the last map partition means up to it), reduce
     * partition by reduce partition: how adaptive execution reads coalesced or split partitions.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> read(int shuffleId, int startReduce, int endReduce, int startMap, int endMap) {
        List<?>[][] shuffle = shuffle(shuffleId);
        List<T> result = new ArrayList<>();
        synchronized (shuffle) {
            int lastMap = Math.min(endMap, shuffle.length);
            for (int map = startMap; map < lastMap; map++) {
                if (shuffle[map] == null) {
                    throw new FetchFailedException(shuffleId, map);
                }
            }
            for (int reduce = startReduce; reduce < endReduce; reduce++) {
                for (int map = startMap; map < lastMap; map++) {
                    result.addAll((List<T>) shuffle[map][reduce]);
                }
            }
        }
        return result;
    }

    /** The map partitions of a shuffle that have no output (all of them when it was never registered). */
    public List<Integer> missing(int shuffleId, int mapPartitions) {
        List<?>[][] shuffle = outputs.get(shuffleId);
        List<Integer> missing = new ArrayList<>();
        for (int map = 0; map < mapPartitions; map++) {
            if (shuffle == null || shuffle[map] == null) {
                missing.add(map);
            }
        }
        return missing;
    }

    /** Drops one map output, as the loss of the executor that held it would. */
    public void lose(int shuffleId, int mapPartition) {
        List<?>[][] shuffle = outputs.get(shuffleId);
        if (shuffle != null) {
            synchronized (shuffle) {
                shuffle[mapPartition] = null;
            }
        }
    }

    public void remove(int shuffleId) {
        outputs.remove(shuffleId);
        sizes.remove(shuffleId);
    }

    private List<?>[][] shuffle(int shuffleId) {
        List<?>[][] shuffle = outputs.get(shuffleId);
        if (shuffle == null) {
            throw new FetchFailedException(shuffleId, 0);
        }
        return shuffle;
    }
}
