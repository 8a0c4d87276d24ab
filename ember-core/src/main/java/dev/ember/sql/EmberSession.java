package dev.ember.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point, as Spark's {@code SparkSession}: holds the configuration, the catalog of views
 * and the scheduler, and builds DataFrames.
 */
public final class EmberSession implements AutoCloseable {
    private EmberSession(Map<String, String> settings) {
        throw new UnsupportedOperationException("not yet");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs one SQL statement. Queries are lazy: they run when an action is called on the result. */
    public DataFrame sql(String sqlText) {
        throw new UnsupportedOperationException("not yet");
    }

    public void stop() {
    }

    @Override
    public void close() {
        stop();
    }

    /** Builds a session, as {@code SparkSession.builder()}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();

        public Builder appName(String name) {
            return config("ember.app.name", name);
        }

        public Builder master(String master) {
            return config("ember.master", master);
        }

        /** Sets a configuration key; {@code spark.*} keys are accepted as aliases of {@code ember.*}. */
        public Builder config(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public EmberSession getOrCreate() {
            return new EmberSession(settings);
        }
    }
}
