package dev.ember.bench.suites;

import dev.ember.bench.engine.RddProgram;
import dev.ember.examples.Pi;
import dev.ember.rdd.EmberContext;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Monte Carlo pi with RDDs, as the {@code pi} example: {@code parallelize} the slice numbers (one
 * partition each), {@code map} each to the points of its own seeded throw that fall inside the
 * circle ({@link Pi#pointsInside}, the same code on both engines), {@code reduce} by sum. The input
 * is the number of slices; the answer, the slices, the points inside and the estimate.
 */
public final class PiProgram implements RddProgram {
    @Override
    public List<List<Object>> onEmber(EmberContext ember, String input) {
        int slices = Integer.parseInt(input);
        long inside = ember.parallelize(sliceNumbers(slices), slices).map(Pi::pointsInside).reduce(Long::sum);
        return answer(slices, inside);
    }

    @Override
    public List<List<Object>> onSpark(JavaSparkContext spark, String input) {
        int slices = Integer.parseInt(input);
        long inside = spark.parallelize(sliceNumbers(slices), slices).map(Pi::pointsInside).reduce(Long::sum);
        return answer(slices, inside);
    }

    private static List<Integer> sliceNumbers(int slices) {
        return IntStream.range(0, slices).boxed().toList();
    }

    private static List<List<Object>> answer(int slices, long inside) {
        return List.of(List.of(slices, inside, 4.0 * inside / ((long) Pi.POINTS_PER_SLICE * slices)));
    }
}
