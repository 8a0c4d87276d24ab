package dev.ember.events;

/** Receives the application's events, one at a time, on the bus's own thread (Spark's {@code SparkListener}). */
@FunctionalInterface
public interface EmberListener {

    void onEvent(EmberEvent event);
}
