package dev.ember.cluster;

import java.util.List;

/** A read-only snapshot of a worker, for its web UI: the executors and drivers it runs and those that ended. */
record WorkerStatus(String workerId, String masterUrl, String host, int cores, long memory, List<ExecutorInfo> running,
        List<ExecutorInfo> finished, List<DriverInfo> runningDrivers, List<DriverInfo> finishedDrivers) {

    /** An executor: {@code state} is RUNNING, EXITED (code) or KILLED (its application ended). */
    /** A cluster-mode driver: {@code state} is RUNNING, then FINISHED, FAILED or KILLED with its exit code. */
    record DriverInfo(String driverId, String mainClass, int cores, long memory, String state, String workDirectory) {
    }

    record ExecutorInfo(String applicationId, String executorId, int cores, long memory, String state, String workDirectory) {
    }
}
