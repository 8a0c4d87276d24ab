package dev.ember.scheduler;

import dev.ember.config.EmberConf;
import dev.ember.events.ListenerBus;
import dev.ember.memory.MemoryManager;
import java.nio.file.Path;

/**
 * Makes the backend of master URLs of one scheme ({@code ember://host:port} for the standalone
 * cluster), so that a cluster transport lives in a module of its own: ember-cluster's is looked up
 * by class name ({@link dev.ember.config.Modules}), those of other schemes through {@link java.util.ServiceLoader}.
 */
public interface TaskBackendFactory {

    /** The scheme of the master URLs it serves, such as {@code ember}. */
    String scheme();

    /**
     * A backend for the application of {@code conf}, made while the session's plug-ins start on
     * another thread (it may load its transport meanwhile); it serves once {@link TaskBackend#start}ed.
     *
     * @param memory the driver's memory, for the shuffle bookkeeping kept on the driver
     * @param localDirectory the driver's local directory
     * @param events where the backend posts its executors' comings and goings ({@code ExecutorAdded}, {@code ExecutorRemoved})
     */
    TaskBackend create(String master, EmberConf conf, MemoryManager memory, Path localDirectory, ListenerBus events);
}
