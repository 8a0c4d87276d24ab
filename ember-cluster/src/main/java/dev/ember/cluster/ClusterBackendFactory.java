package dev.ember.cluster;

import dev.ember.config.EmberConf;
import dev.ember.events.ListenerBus;
import dev.ember.memory.MemoryManager;
import dev.ember.scheduler.TaskBackend;
import dev.ember.scheduler.TaskBackendFactory;
import java.nio.file.Path;

/** The backend of {@code ember://host:port} master URLs: a standalone cluster's executors. */
public final class ClusterBackendFactory implements TaskBackendFactory {
    @Override
    public String scheme() {
        return "ember";
    }

    @Override
    public TaskBackend create(String master, EmberConf conf, MemoryManager memory, Path localDirectory, ListenerBus events) {
        return new ClusterTaskBackend(MasterAddress.parse(master), conf, memory, localDirectory, events);
    }
}
