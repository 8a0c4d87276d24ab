package dev.ember.exec;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.memory.TaskMemory;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BatchCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Rows written to disk split by the hash of their key into {@link #FAN_OUT} partition files, so
 * that each partition can later be processed alone (grace hashing, as for aggregation and
 * distinct larger than memory). Each level of recursion splits by the next bits of the same 32-bit
 * key hash ({@link KeyTable#hash}), from the highest down, so a partition still too large is split
 * again by bits its rows do not share yet; after {@link #MAX_LEVEL} there are no bits left.
 *
 * <p>Files live in the task's spill directory (deleted when the task ends however it ends) and are
 * deleted as soon as they have been read. Frames are {@link BatchCodec}'s compressed columns.
 */
final class SpillPartitions implements AutoCloseable {
    static final int BITS = 4;
    static final int FAN_OUT = 1 << BITS;
    /** Levels {@code 0 .. MAX_LEVEL - 1} have bits to split by. */
    static final int MAX_LEVEL = Integer.SIZE / BITS;
    private static final int STREAM_BUFFER = 1 << 14;

    private final TaskMemory memory;
    private final String purpose;
    private final int level;
    private final BatchCodec codec;
    private final Path[] files = new Path[FAN_OUT];
    private final OutputStream[] outputs = new OutputStream[FAN_OUT];
    private InputStream reading;

    SpillPartitions(TaskMemory memory, String purpose, List<DataType> types, int level) {
        if (level >= MAX_LEVEL) {
            throw new IllegalArgumentException("no hash bits left at level " + level);
        }
        this.memory = memory;
        this.purpose = purpose;
        this.level = level;
        this.codec = new BatchCodec(types);
    }

    int level() {
        return level;
    }

    /** The partition of a key hash at this level. */
    int partitionOf(int hash) {
        return (hash >>> (Integer.SIZE - BITS * (level + 1))) & (FAN_OUT - 1);
    }

    /** Appends the rows of {@code batch} to their partitions; {@code hashes[i]} is row i's key hash. */
    void write(Batch batch, int[] hashes) {
        int n = batch.rowCount();
        int[] counts = new int[FAN_OUT + 1];
        for (int i = 0; i < n; i++) {
            counts[partitionOf(hashes[i]) + 1]++;
        }
        for (int p = 0; p < FAN_OUT; p++) {
            counts[p + 1] += counts[p];
        }
        int[] next = Arrays.copyOf(counts, FAN_OUT);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[partitionOf(hashes[i])]++] = i;
        }
        long diskBytes = 0;
        try {
            for (int p = 0; p < FAN_OUT; p++) {
                for (int from = counts[p]; from < counts[p + 1]; from += Batch.TARGET_ROWS) {
                    int count = Math.min(Batch.TARGET_ROWS, counts[p + 1] - from);
                    int[] positions = Arrays.copyOfRange(order, from, from + count);
                    diskBytes += codec.write(batch.gather(positions, count), output(p));
                }
            }
        } catch (IOException e) {
            throw error("Writing a spill file", e);
        }
        memory.recordSpill(batch.retainedBytes(), diskBytes);
    }

    private OutputStream output(int partition) throws IOException {
        if (outputs[partition] == null) {
            files[partition] = memory.spills().newFile(purpose + "-level" + level + "-part" + partition);
            outputs[partition] = new BufferedOutputStream(Files.newOutputStream(files[partition]), STREAM_BUFFER);
        }
        return outputs[partition];
    }

    /** Ends writing: every partition file is complete. */
    void finishWriting() {
        try {
            for (int p = 0; p < FAN_OUT; p++) {
                if (outputs[p] != null) {
                    outputs[p].close();
                    outputs[p] = null;
                }
            }
        } catch (IOException e) {
            throw error("Writing a spill file", e);
        }
    }

    /** Whether anything was written to {@code partition}. */
    boolean has(int partition) {
        return files[partition] != null;
    }

    /**
     * The batches of {@code partition} in the order written, read once (after {@link #finishWriting});
     * the file is deleted when read to its end. One partition is read at a time.
     */
    BatchSource read(int partition) {
        Path file = files[partition];
        BatchCodec reader = new BatchCodec(codec.types());
        return () -> {
            try {
                if (files[partition] == null) {
                    return null;
                }
                if (reading == null) {
                    reading = new BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER);
                }
                Batch batch = reader.read(reading, file.toString());
                if (batch == null) {
                    reading.close();
                    reading = null;
                    files[partition] = null;
                    Files.deleteIfExists(file);
                }
                return batch;
            } catch (IOException e) {
                throw error("Reading a spill file", e);
            }
        };
    }

    private static EmberException error(String operation, IOException e) {
        return EmberException.of(ErrorClass.IO_ERROR, "operation", operation, "path", "the task's spill directory",
                "detail", String.valueOf(e.getMessage())).withCause(e);
    }

    /** Closes open files; what is left on disk goes with the task's spill directory. */
    @Override
    public void close() {
        for (int p = 0; p < FAN_OUT; p++) {
            closeQuietly(outputs[p]);
            outputs[p] = null;
        }
        closeQuietly(reading);
        reading = null;
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // Only releases the file; the task's spill directory is deleted anyway.
        }
    }

    /** Batches read one at a time, {@code null} at the end. */
    interface BatchSource {
        Batch next();
    }
}
