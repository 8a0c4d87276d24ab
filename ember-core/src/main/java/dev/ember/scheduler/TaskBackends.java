package dev.ember.scheduler;

import dev.ember.config.EmberConf;
import dev.ember.config.Modules;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.events.EmberEvent;
import dev.ember.events.ListenerBus;
import dev.ember.memory.MemoryManager;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** The backend a session's master URL names: task threads for {@code local[N]}, a plug-in for the others. */
public final class TaskBackends {
    /** The module that provides the backend of each of Ember's schemes, and its factory, looked up by name (no class-path scan). */
    private record Provider(String module, String factory) {
    }

    private static final java.util.Map<String, Provider> PROVIDERS = java.util.Map.of("ember",
            new Provider("ember-cluster", "dev.ember.cluster.ClusterBackendFactory"));

    private TaskBackends() {
    }

    /** The backend, whose executors are announced on {@code events}: here the driver's own for a local one, by the plug-in otherwise. */
    public static TaskBackend forMaster(EmberConf conf, MemoryManager memory, Path localDirectory, ListenerBus events) {
        String master = conf.get(EmberConf.MASTER, "local[*]").trim();
        int colon = master.indexOf("://");
        if (colon < 0) {
            int slots = conf.localThreads();
            events.post(new EmberEvent.ExecutorAdded(System.currentTimeMillis(), "driver", "localhost", slots, memory.maxMemory()));
            return new LocalTaskBackend(slots, memory, localDirectory, events);
        }
        String scheme = master.substring(0, colon);
        Provider provider = PROVIDERS.get(scheme);
        if (provider != null) {
            return Modules.instance(TaskBackendFactory.class, provider.factory())
                    .orElseThrow(() -> EmberException.of(ErrorClass.INVALID_MASTER_URL, "url", master,
                            "more", " (" + scheme + ":// needs the " + provider.module() + " module on the class path)"))
                    .create(master, conf, memory, localDirectory, events);
        }
        // Another scheme: a plug-in of the class path's (found by its service file).
        for (TaskBackendFactory factory : ServiceLoader.load(TaskBackendFactory.class, TaskBackends.class.getClassLoader())) {
            if (factory.scheme().equals(scheme)) {
                return factory.create(master, conf, memory, localDirectory, events);
            }
        }
        throw EmberException.of(ErrorClass.INVALID_MASTER_URL, "url", master, "more", ", or ember://host:port");
    }
}
