package dev.ember.scheduler;

import java.util.concurrent.ExecutorService;

/**
 * Where the scheduler's task attempts run: the driver's own task threads in local mode
 * ({@link LocalTaskBackend}), executor processes of a cluster otherwise. The scheduler starts each
 * attempt on one of {@link #taskThreads()} and calls {@link #run} there, which returns when the
 * attempt has ended, wherever it ran; interrupting that thread stops the attempt.
 */
public interface TaskBackend extends AutoCloseable {

    /** How many task attempts run at once: the session's default parallelism. */
    int slots();

    /** The threads the scheduler starts attempts on, one per slot. */
    ExecutorService taskThreads();

    /**
     * The shuffle outputs as the driver sees them: the blocks themselves in local mode, where
     * they are on a cluster. The scheduler asks it what is missing and for statistics.
     */
    ShuffleStore shuffles();

    /** An executor tasks run on: its id, host and cores. */
    record ExecutorInfo(String id, String host, int cores) {
    }

    /** The executors attempts run on now: the driver itself unless a cluster backend says otherwise. */
    default java.util.List<ExecutorInfo> executors() {
        return java.util.List.of(new ExecutorInfo("driver", "localhost", slots()));
    }

    /**
     * Begins to serve the session once its plug-ins are up: a cluster backend registers the
     * application (with the UI's address) and waits for its executors. Nothing to do by default.
     */
    default void start() {
    }

    /** Runs one attempt to its end; a failure of the task is its result, not an exception. */
    <T> TaskResult<T> run(TaskAttempt<T> attempt);

    /** Stops the task threads, the executors, and frees the shuffle outputs. */
    @Override
    void close();
}
