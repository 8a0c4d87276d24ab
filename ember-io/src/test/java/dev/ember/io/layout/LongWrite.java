package dev.ember.io.layout;

import dev.ember.sql.EmberSession;

/** A write long enough to be killed in the middle: run by {@link InterruptedWriteTest} in a child JVM. */
public final class LongWrite {
    private LongWrite() {
    }

    public static void main(String[] args) {
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            ember.range(0, 2_000_000_000L, 1, 2).selectExpr("id", "id * 3 AS x", "id % 7 AS p")
                    .write().mode("overwrite").partitionBy("p").csv(args[0]);
        }
    }
}
