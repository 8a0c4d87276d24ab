package dev.ember.source;

import dev.ember.vector.Batch;
import java.io.Closeable;
import java.io.IOException;

/** Reads one split as a sequence of batches whose columns are the required columns, in order. */
public interface BatchReader extends Closeable {
    /** The next batch of up to about {@link Batch#TARGET_ROWS} rows, or {@code null} at the end. */
    Batch next() throws IOException;

    /**
     * The next batch as {@link #next()} reads it, its columns decoded only when asked, or {@code null}
     * at the end. Formats that can skip values they are not asked for override it; by default the
     * batch is read whole.
     */
    default LazyBatch nextLazy() throws IOException {
        Batch batch = next();
        return batch == null ? null : LazyBatch.of(batch);
    }
}
