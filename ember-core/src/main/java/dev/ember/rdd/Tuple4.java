package dev.ember.rdd;

import java.io.Serializable;

/** Four values, as Scala's {@code Tuple4} that Spark's Java API returns (cogroup with three others). */
public record Tuple4<A, B, C, D>(A _1, B _2, C _3, D _4) implements Serializable {
    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + "," + _3 + "," + _4 + ")";
    }
}
