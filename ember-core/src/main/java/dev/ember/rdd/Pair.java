package dev.ember.rdd;

import java.io.Serializable;

/**
 * A key-value pair, the element of a {@link PairRdd}; Spark's {@code Tuple2}, with the same
 * accessors ({@code _1()}, {@code _2()}) and printed form ({@code (a,1)}), so ported code and saved
 * text read the same.
 */
public record Pair<A, B>(A _1, B _2) implements Serializable {
    public static <A, B> Pair<A, B> of(A first, B second) {
        return new Pair<>(first, second);
    }

    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + ")";
    }
}
