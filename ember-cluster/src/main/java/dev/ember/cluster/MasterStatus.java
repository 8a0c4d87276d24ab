package dev.ember.cluster;

import java.util.List;

/** A read-only snapshot of what the master knows, for its web UI: workers (alive, then dropped), applications and cluster-mode drivers. */
record MasterStatus(String url, List<WorkerInfo> workers, List<ApplicationInfo> activeApplications, List<ApplicationInfo> completedApplications,
        List<DriverInfo> activeDrivers, List<DriverInfo> completedDrivers) {

    /** A worker: {@code state} is ALIVE, or DEAD once the master stopped hearing from it. */
    record WorkerInfo(String id, String host, String webUiUrl, String state, int cores, int coresUsed, long memory, long memoryUsed,
            long lastHeartbeat) {
    }

    /** An application: {@code state} is WAITING (no executor yet), RUNNING or FINISHED; {@code cores} are those granted. */
    record ApplicationInfo(String id, String name, String user, String webUiUrl, int cores, long executorMemory, String state, long startTime,
            long duration) {
    }

    /** A driver: {@code state} as Spark names it; {@code workerId} empty while it has no worker. */
    record DriverInfo(String id, long submitTime, String workerId, String workerHost, String state, int cores, long memory, String mainClass) {
    }

    List<WorkerInfo> aliveWorkers() {
        return workers.stream().filter(w -> w.state().equals("ALIVE")).toList();
    }
}
