package dev.ember.scheduler;

import dev.ember.events.EmberEvent;
import dev.ember.events.ListenerBus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage memory each executor's heartbeats report, posted on the bus as an
 * {@link EmberEvent.ExecutorMetricsUpdate} only when it changed since that executor's last report,
 * so that the UI follows it and the event log keeps one line per change, not per heartbeat.
 */
public final class StorageReports {
    private final ListenerBus events;
    private final Map<String, Long> lastReported = new ConcurrentHashMap<>();

    public StorageReports(ListenerBus events) {
        this.events = events;
    }

    /** Heartbeats come one at a time from each executor, so that no two reports of one executor race. */
    public void report(String executorId, long storageMemoryUsed) {
        Long previous = lastReported.put(executorId, storageMemoryUsed);
        if (previous == null || previous != storageMemoryUsed) {
            events.post(new EmberEvent.ExecutorMetricsUpdate(System.currentTimeMillis(), executorId, storageMemoryUsed));
        }
    }

    /** The executor is gone: one registering again under its id reports afresh. */
    public void forget(String executorId) {
        lastReported.remove(executorId);
    }
}
