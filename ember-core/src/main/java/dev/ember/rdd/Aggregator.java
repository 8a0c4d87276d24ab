package dev.ember.rdd;

import dev.ember.rdd.function.Function;
import dev.ember.rdd.function.Function2;
import java.io.Serializable;

/**
 * How values of one key are combined in a shuffle: a combiner made of the first value, values merged
 * into it, and combiners of different map tasks merged together ({@code combineByKey}).
 */
record Aggregator<V, C>(Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners)
        implements Serializable {
}
