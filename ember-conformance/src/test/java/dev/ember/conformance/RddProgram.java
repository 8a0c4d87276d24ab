package dev.ember.conformance;

import dev.ember.rdd.EmberContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One RDD case: the same program written against Spark's {@code JavaSparkContext} and against
 * Ember's {@link EmberContext}, bodies reading alike line for line. Each body records named
 * results in {@link RddResults} (with whether their order is guaranteed); the harness compares
 * the two sets name by name. Put implementations (public, no-argument constructor) in the
 * {@code dev.ember.conformance.rdd} package. Spark runs {@code local[2]}, as does Ember, so the
 * default parallelism is 2 on both.
 */
public interface RddProgram {
    void spark(JavaSparkContext sc, RddResults results);

    void ember(EmberContext ec, RddResults results);
}
