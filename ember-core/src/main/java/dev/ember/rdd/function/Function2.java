package dev.ember.rdd.function;

import java.io.Serializable;

/** A function of two arguments (reduce, fold, combine), as Spark's. */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
    R call(T1 first, T2 second) throws Exception;
}
