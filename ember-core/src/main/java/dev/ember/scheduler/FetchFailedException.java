package dev.ember.scheduler;

/**
 * A task could not read a map output: it was lost (an executor died, a test dropped it). Not a
 * failure of the task: the scheduler recomputes the lost output from lineage and runs the task again.
 */
public final class FetchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int shuffleId;
    private final int mapPartition;

    public FetchFailedException(int shuffleId, int mapPartition) {
        super("map output " + mapPartition + " of shuffle " + shuffleId + " is lost", null, false, false);
        this.shuffleId = shuffleId;
        this.mapPartition = mapPartition;
    }

    public int shuffleId() {
        return shuffleId;
    }

    public int mapPartition() {
        return mapPartition;
    }
}
