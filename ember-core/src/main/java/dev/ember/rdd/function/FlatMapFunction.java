package dev.ember.rdd.function;

import java.io.Serializable;
import java.util.Iterator;

/** A function that makes any number of elements of one ({@code flatMap}, {@code mapPartitions}), as Spark's. */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
    Iterator<R> call(T value) throws Exception;
}
