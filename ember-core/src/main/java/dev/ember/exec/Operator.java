package dev.ember.exec;

import dev.ember.vector.Batch;

/**
 * A running operator of one task: a pull-based iterator over batches. Created by a physical plan
 * node for one partition, used by the one thread that runs the task, closed when the task ends
 * (also on failure), which must release every resource it holds.
 */
public interface Operator extends AutoCloseable {
    /** The next batch (never empty), or {@code null} when there is no more output. */
    Batch next();

    @Override
    default void close() {
    }
}
