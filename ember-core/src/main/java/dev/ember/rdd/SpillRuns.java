package dev.ember.rdd;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.TaskContext;
import dev.ember.memory.TaskMemory;
import dev.ember.storage.ElementStreams;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Records an RDD operator spilled: written to a file of the task's spill directory with
 * {@link ElementStreams} (compressed), counted in the task's spill metrics, and read back lazily,
 * the file deleted once read to the end (the directory goes with the task anyway).
 */
final class SpillRuns {
    private static final int STREAM_BUFFER = 1 << 16;

    private SpillRuns() {
    }

    /** Writes {@code records}, which take about {@code memoryBytes} in memory, to a new spill file. */
    static Path write(TaskMemory memory, String purpose, Iterator<?> records, long memoryBytes) {
        Path file = null;
        try {
            file = memory.spills().newFile(purpose);
            ElementStreams.write(records, new BufferedOutputStream(Files.newOutputStream(file), STREAM_BUFFER), true);
            memory.recordSpill(memoryBytes, Files.size(file));
            return file;
        } catch (IOException | UncheckedIOException e) {
            throw error("Writing a spill file", file, e);
        }
    }

    /** The records of {@code file}, read as they are asked for; the stream is closed and the file deleted at the end. */
    static <T> Iterator<T> read(TaskContext task, Path file) {
        Iterator<T> records;
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER);
            task.addCompletionListener(in); // closed at the task's end if it stops reading early
            records = ElementStreams.read(in, true, file.toString());
        } catch (IOException | UncheckedIOException e) {
            throw error("Reading a spill file", file, e);
        }
        return new Iterator<>() {
            private boolean deleted;

            @Override
            public boolean hasNext() {
                boolean more = records.hasNext();
                if (!more && !deleted) {
                    deleted = true;
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // The task's spill directory is deleted when the task ends.
                    }
                }
                return more;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    return records.next();
                } catch (UncheckedIOException e) {
                    throw error("Reading a spill file", file, e);
                }
            }
        };
    }

    private static EmberException error(String operation, Path file, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return EmberException.of(ErrorClass.IO_ERROR, "operation", operation,
                "path", file == null ? "the task's spill directory" : file.toString(),
                "detail", String.valueOf(cause.getMessage())).withCause(cause);
    }
}
