package dev.ember.cluster;

import java.util.List;

/** A read-only snapshot of a worker, for its web UI: the executors it runs and those that ended. */
record WorkerStatus(String workerId, String masterUrl, String host, int cores, long memory, List<ExecutorInfo> running,
        List<ExecutorInfo> finished) {

    /** An executor: {@code state} is RUNNING, EXITED (code) or KILLED (its application ended). */
    record ExecutorInfo(String applicationId, String executorId, int cores, long memory, String state, String workDirectory) {
    }
}
