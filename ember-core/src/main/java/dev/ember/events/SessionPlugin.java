package dev.ember.events;

import dev.ember.config.EmberConf;

/**
 * An optional part that starts with each session and ends with it: the web UI and the event log
 * ({@code ember-ui}), looked up by class name ({@link dev.ember.config.Modules}) so that ember-core runs without them.
 */
public interface SessionPlugin {

    /**
     * Starts for the application; returns what to close when it ends, or {@code null} when the
     * plug-in is disabled by the settings. Subscribes to {@code events} before the first event is posted.
     */
    AutoCloseable start(Application application);

    /** What a plug-in learns of the application it starts for. */
    record Application(String id, String name, EmberConf conf, ListenerBus events) {
    }
}
