package dev.ember.scheduler;

import dev.ember.memory.MemoryConsumer;
import dev.ember.memory.TaskMemory;
import dev.ember.scheduler.ShuffleStore.DiskPart;
import dev.ember.scheduler.ShuffleStore.MapOutput;
import dev.ember.scheduler.ShuffleStore.MemoryPart;
import dev.ember.scheduler.ShuffleStore.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of one map task as it is partitioned: blocks buffered per reduce partition in the
 * task's execution memory, written to a file of the shuffle (a segment per reduce partition) when
 * the task's memory is short, and published to the {@link ShuffleStore} when the task ends. Closing
 * a writer that was not published (the task failed) deletes what it wrote.
 */
public final class MapOutputWriter extends MemoryConsumer implements AutoCloseable {
    /**
     * Blocks buffered between two reservations: at least this, and at least an eighth of what is
     * held, so that the reservations of a large output grow geometrically instead of coming every
     * few blocks (each takes the memory manager's lock, which the tasks contend for).
     */
    private static final long RESERVE_STEP = 32 << 10;

    private final ShuffleStore store;
    private final int shuffleId;
    private final int mapPartition;
    private final BlockFormat format;
    private final long[] bytes;
    private final long[] rows;
    private final List<Part> spilled = new ArrayList<>();
    private List<Object>[] buffered;
    private int bufferedBlocks;
    /** The memory the buffered blocks take (blocks of no columns take none). */
    private long bufferedBytes;
    private boolean published;

    MapOutputWriter(ShuffleStore store, int shuffleId, int mapPartition, int reducePartitions, BlockFormat format, TaskMemory task) {
        super(task, "ShuffleWriter");
        this.store = store;
        this.shuffleId = shuffleId;
        this.mapPartition = mapPartition;
        this.format = format;
        this.bytes = new long[reducePartitions];
        this.rows = new long[reducePartitions];
        this.buffered = newBuffers();
    }

    /** Adds a block (a batch, or an RDD record) for reduce partition {@code reducePartition}. */
    public void add(int reducePartition, Object block) {
        long size = format.bytes(block);
        bytes[reducePartition] += size;
        rows[reducePartition] += format.rows(block);
        buffered[reducePartition].add(block);
        bufferedBlocks++;
        bufferedBytes += size;
        long held = reserved();
        long unreserved = bufferedBytes - held;
        if (unreserved >= Math.max(RESERVE_STEP, held / 8) && !tryReserve(unreserved)) {
            spillBuffer();
        }
    }

    /** Called by the task when memory is short: writes the buffered blocks to disk. */
    @Override
    public long spill(long needed) {
        long held = reserved();
        spillBuffer();
        return held - reserved();
    }

    private void spillBuffer() {
        if (bufferedBlocks > 0) {
            spilled.add(store.write(shuffleId, mapPartition, buffered, format, memory()));
            clearBuffers();
        }
        releaseAll();
    }

    /**
     * Hands the output to the store: what is still buffered moves to the store's memory, or to disk
     * when that is refused. Returns its sizes.
     */
    public MapStatus publish() {
        long inMemory = bufferedBytes;
        List<Part> parts = new ArrayList<>(spilled);
        releaseAll();
        if (bufferedBlocks > 0 && store.reserve(shuffleId, inMemory)) {
            parts.add(new MemoryPart(buffered, inMemory));
        } else if (bufferedBlocks > 0) {
            parts.add(store.write(shuffleId, mapPartition, buffered, format, memory()));
        }
        clearBuffers();
        spilled.clear();
        published = true;
        store.publish(shuffleId, mapPartition, new MapOutput(List.copyOf(parts), bytes, rows));
        return new MapStatus(shuffleId, mapPartition, bytes.clone(), rows.clone());
    }

    /** Gives back the memory; deletes the files written unless the output was published. */
    @Override
    public void close() {
        if (!published) {
            for (Part part : spilled) {
                ShuffleStore.deleteQuietly(((DiskPart) part).file());
            }
            spilled.clear();
            clearBuffers();
        }
        releaseAll();
    }

    private void clearBuffers() {
        buffered = newBuffers();
        bufferedBlocks = 0;
        bufferedBytes = 0;
    }

    @SuppressWarnings("unchecked")
    private List<Object>[] newBuffers() {
        List<Object>[] buffers = new List[bytes.length];
        for (int r = 0; r < buffers.length; r++) {
            buffers[r] = new ArrayList<>();
        }
        return buffers;
    }
}
