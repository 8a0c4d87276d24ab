package dev.ember.rdd.function;

import java.io.Serializable;

/** A function run for its effect ({@code foreach}), as Spark's. */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
    void call(T value) throws Exception;
}
