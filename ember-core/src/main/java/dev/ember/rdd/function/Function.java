package dev.ember.rdd.function;

import java.io.Serializable;

/** A function of one argument, as Spark's; serializable so that it can travel to executors. */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
    R call(T value) throws Exception;
}
