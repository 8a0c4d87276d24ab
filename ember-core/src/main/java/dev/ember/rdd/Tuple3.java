package dev.ember.rdd;

import java.io.Serializable;

/** Three values, as Scala's {@code Tuple3} that Spark's Java API returns (cogroup with two others). */
public record Tuple3<A, B, C>(A _1, B _2, C _3) implements Serializable {
    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + "," + _3 + ")";
    }
}
