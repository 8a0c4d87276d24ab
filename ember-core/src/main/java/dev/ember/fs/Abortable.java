package dev.ember.fs;

import java.io.OutputStream;

/**
 * An output stream of {@link FileSystem#create} that can be abandoned: what was written never
 * becomes a file. An object store's stream implements it, since closing would upload the partial
 * file; a format's writer aborts its stream this way after a failure.
 */
public interface Abortable {
    /** Discards what was written and releases the stream; a later {@code close()} does nothing. */
    void abort();

    /** Aborts {@code stream} if it can be; otherwise the commit protocol deletes the partial file. */
    static void abort(OutputStream stream) {
        if (stream instanceof Abortable abortable) {
            abortable.abort();
        }
    }
}
