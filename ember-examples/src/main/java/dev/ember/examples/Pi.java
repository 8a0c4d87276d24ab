package dev.ember.examples;

import dev.ember.sql.EmberSession;
import java.io.PrintWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo pi, as Spark's {@code SparkPi}: 100,000 random points per slice in the unit square,
 * counting those inside the circle. Each slice seeds its own generator with its number, so the
 * estimate depends only on the slice count.
 */
public final class Pi implements Example {
    /** Points thrown per slice. */
    public static final int POINTS_PER_SLICE = 100_000;

    @Override
    public String name() {
        return "pi";
    }

    @Override
    public String usage() {
        return "[SLICES]";
    }

    @Override
    public String description() {
        return "estimates pi by throwing random points at a square (Monte Carlo), SLICES tasks (default 2)";
    }

    @Override
    public void run(EmberSession ember, List<String> args, PrintWriter out) {
        int slices = args.isEmpty() ? 2 : Arguments.positiveInt(args.get(0), "SLICES");
        long inside = ember.context().parallelize(IntStream.range(0, slices).boxed().toList(), slices)
                .map(Pi::pointsInside)
                .reduce(Long::sum);
        out.println("Pi is roughly " + 4.0 * inside / ((long) POINTS_PER_SLICE * slices));
    }

    /** How many of a slice's points fall inside the circle; the benchmark runs this same code on Ember and Spark. */
    public static long pointsInside(int slice) {
        SplittableRandom random = new SplittableRandom(slice);
        long inside = 0;
        for (int i = 0; i < POINTS_PER_SLICE; i++) {
            double x = random.nextDouble() * 2 - 1;
            double y = random.nextDouble() * 2 - 1;
            if (x * x + y * y <= 1) {
                inside++;
            }
        }
        return inside;
    }

    public static void main(String[] args) throws Exception {
        Example.main(new Pi(), args);
    }
}
