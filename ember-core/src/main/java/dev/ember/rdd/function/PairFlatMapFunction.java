package dev.ember.rdd.function;

import dev.ember.rdd.Pair;
import java.io.Serializable;
import java.util.Iterator;

/** A function that makes any number of key-value pairs of one element ({@code flatMapToPair}), as Spark's. */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> extends Serializable {
    Iterator<Pair<K, V>> call(T value) throws Exception;
}
