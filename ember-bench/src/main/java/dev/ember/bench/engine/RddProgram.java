package dev.ember.bench.engine;

import dev.ember.rdd.EmberContext;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A program written with RDDs ({@code EmberContext} / {@code JavaSparkContext}): it runs its jobs
 * and returns its answer as rows of plain values, the same values whichever engine ran it.
 */
public non-sealed interface RddProgram extends Program {
    /** The program's answer on Ember, for {@code input} (a path, or a parameter such as a count). */
    List<List<Object>> onEmber(EmberContext ember, String input);

    /** The same program on Apache Spark. */
    List<List<Object>> onSpark(JavaSparkContext spark, String input);
}
