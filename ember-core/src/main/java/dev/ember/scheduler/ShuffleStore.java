package dev.ember.scheduler;

import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Map outputs of shuffles inside one process: batches passed by reference, no serialization. A
 * map task publishes its output for every reduce partition at once when it finishes, so a reader
 * never sees half an output.
 */
public final class ShuffleStore {
    private final Map<Integer, List<Batch>[][]> outputs = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public void register(int shuffleId, int mapPartitions) {
        outputs.put(shuffleId, new List[mapPartitions][]);
    }

    /** Publishes the output of one map task: {@code byReducePartition[r]} are the batches for reduce partition r. */
    public void publish(int shuffleId, int mapPartition, List<Batch>[] byReducePartition) {
        List<Batch>[][] shuffle = outputs.get(shuffleId);
        synchronized (shuffle) {
            shuffle[mapPartition] = byReducePartition;
        }
    }

    /** Every batch written for {@code reducePartition}, map partition by map partition. */
    public List<Batch> read(int shuffleId, int reducePartition) {
        List<Batch>[][] shuffle = outputs.get(shuffleId);
        if (shuffle == null) {
            throw new IllegalStateException("shuffle " + shuffleId + " has not run");
        }
        List<Batch> result = new ArrayList<>();
        synchronized (shuffle) {
            for (List<Batch>[] mapOutput : shuffle) {
                if (mapOutput == null) {
                    throw new IllegalStateException("shuffle " + shuffleId + " is missing a map output");
                }
                result.addAll(mapOutput[reducePartition]);
            }
        }
        return result;
    }

    public void remove(int shuffleId) {
        outputs.remove(shuffleId);
    }
}
