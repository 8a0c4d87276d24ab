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
import java.util.ArrayList;
import java.util.List;

/**
 * Batches appended in order to a spill file of {@link BatchCodec} frames in the task's spill
 * directory, then read back in that order as often as needed, each {@link #reader} streaming the
 * file a batch at a time (a window partition too large for memory, as Spark's spillable array
 * holds one). Used by one thread; {@link #close} deletes the file.
 */
final class SpilledBatches implements AutoCloseable {
    private static final int STREAM_BUFFER = 1 << 16;

    private final TaskMemory memory;
    private final List<DataType> types;
    private final BatchCodec codec;
    private final List<InputStream> open = new ArrayList<>();
    private Path file;
    private OutputStream out;
    private long rows;

    SpilledBatches(TaskMemory memory, List<DataType> types) {
        this.memory = memory;
        this.types = types;
        this.codec = new BatchCodec(types);
    }

    /** The rows appended. */
    long rows() {
        return rows;
    }

    void add(Batch batch) {
        if (batch.rowCount() == 0) {
            return;
        }
        try {
            if (file == null) {
                file = memory.spills().newFile("window");
                out = new BufferedOutputStream(Files.newOutputStream(file), STREAM_BUFFER);
            }
            memory.recordSpill(batch.retainedBytes(), codec.write(batch, out));
        } catch (IOException e) {
            throw spillError("Writing a spill file", e);
        }
        rows += batch.rowCount();
    }

    /** A new pass over the batches, from the first; appending is over. */
    Reader reader() {
        if (file == null) {
            return () -> null;
        }
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            InputStream in = new BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER);
            open.add(in);
            BatchCodec reading = new BatchCodec(types);
            String source = file.toString();
            return () -> {
                try {
                    return reading.read(in, source);
                } catch (IOException e) {
                    throw spillError("Reading a spill file", e);
                }
            };
        } catch (IOException e) {
            throw spillError("Reading a spill file", e);
        }
    }

    /** One pass over the batches: {@code null} after the last. */
    interface Reader {
        Batch next();
    }

    private static EmberException spillError(String operation, IOException e) {
        return EmberException.of(ErrorClass.IO_ERROR, "operation", operation, "path", "the task's spill directory",
                "detail", String.valueOf(e.getMessage())).withCause(e);
    }

    @Override
    public void close() {
        try {
            for (InputStream in : open) {
                in.close();
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw spillError("Closing a spill file", e);
        } finally {
            // Deleted even when a stream failed to close.
            open.clear();
            out = null;
            Path spilled = file;
            file = null;
            deleteIfExists(spilled);
        }
    }

    private static void deleteIfExists(Path spilled) {
        try {
            if (spilled != null) {
                Files.deleteIfExists(spilled);
            }
        } catch (IOException e) {
            throw spillError("Deleting a spill file", e);
        }
    }
}
