package dev.ember.rdd.function;

import dev.ember.rdd.Pair;
import java.io.Serializable;

/** A function that makes a key-value pair of an element ({@code mapToPair}), as Spark's. */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
    Pair<K, V> call(T value) throws Exception;
}
