package dev.ember.bench.suites;

import dev.ember.bench.BenchOptions;
import dev.ember.bench.BenchQuery;
import dev.ember.bench.Suite;
import dev.ember.bench.Workload;
import dev.ember.examples.Pi;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Monte Carlo pi with RDDs on Ember and Spark ({@link PiProgram}): 1,000 slices of 100,000 points
 * at scale 1, a task per slice, so it weighs the cost of scheduling and running small tasks as much
 * as the arithmetic. No data to generate; the answers (points inside) must agree exactly.
 */
public final class PiSuite implements Suite {
    private static final int SLICES_AT_SCALE_ONE = 1_000;

    @Override
    public String name() {
        return "pi";
    }

    @Override
    public String description() {
        return "Monte Carlo pi with RDDs (Ember, Spark), a task per slice of 100,000 points; scale 1 = 1,000 slices";
    }

    @Override
    public Workload prepare(BenchOptions options) {
        int slices = (int) Math.max(1, Math.round(SLICES_AT_SCALE_ONE * options.scale()));
        List<BenchQuery> queries = options.selects("rdd") ? List.of(BenchQuery.program("rdd", PiProgram.class, String.valueOf(slices))) : List.of();
        return new Workload(String.format(Locale.ROOT, "Monte Carlo pi, %,d slices of %,d points", slices, Pi.POINTS_PER_SLICE), Map.of(), queries);
    }
}
