package dev.ember.source;

import dev.ember.vector.Batch;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes batches to one file. {@link #close()} completes the file; {@link #abort()} releases it
 * after a failure (the commit protocol then deletes it).
 */
public interface BatchWriter extends Closeable {
    void write(Batch batch) throws IOException;

    void abort();
}
