package dev.ember.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Map outputs of shuffles inside one process: blocks passed by reference, no serialization. A map
 * task publishes its output for every reduce partition at once when it finishes, so a reader never
 * sees half an output. A reader that finds an output missing gets a {@link FetchFailedException}.
 */
public final class ShuffleStore {
    private final Map<Integer, List<?>[][]> outputs = new ConcurrentHashMap<>();

    /** Makes room for a shuffle's map outputs, keeping those already published. */
    public void register(int shuffleId, int mapPartitions) {
        outputs.computeIfAbsent(shuffleId, id -> new List<?>[mapPartitions][]);
    }

    /** Publishes the output of one map task: {@code byReducePartition[r]} are the blocks for reduce partition r. */
    public void publish(int shuffleId, int mapPartition, List<?>[] byReducePartition) {
        List<?>[][] shuffle = shuffle(shuffleId);
        synchronized (shuffle) {
            shuffle[mapPartition] = byReducePartition;
        }
    }

    /** Every block written for {@code reducePartition}, map partition by map partition. */
    @SuppressWarnings("unchecked")
    public <T> List<T> read(int shuffleId, int reducePartition) {
        List<?>[][] shuffle = shuffle(shuffleId);
        List<T> result = new ArrayList<>();
        synchronized (shuffle) {
            for (int map = 0; map < shuffle.length; map++) {
                if (shuffle[map] == null) {
                    throw new FetchFailedException(shuffleId, map);
                }
                result.addAll((List<T>) shuffle[map][reducePartition]);
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
    }

    private List<?>[][] shuffle(int shuffleId) {
        List<?>[][] shuffle = outputs.get(shuffleId);
        if (shuffle == null) {
            throw new FetchFailedException(shuffleId, 0);
        }
        return shuffle;
    }
}
