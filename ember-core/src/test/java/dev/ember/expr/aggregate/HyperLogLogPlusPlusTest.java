package dev.ember.expr.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.expr.XxHash64;
import org.junit.jupiter.api.Test;

class HyperLogLogPlusPlusTest {
    private static final HyperLogLogPlusPlus SKETCH = new HyperLogLogPlusPlus(9);

    private static byte[] registersOf(long from, long to) {
        byte[] registers = new byte[SKETCH.registerCount()];
        for (long value = from; value < to; value++) {
            SKETCH.add(registers, 0, XxHash64.hashLong(value, 42));
        }
        return registers;
    }

    @Test
    void precisionFollowsTheRelativeDeviationAsInSpark() {
        assertThat(HyperLogLogPlusPlus.precisionFor(0.05)).isEqualTo(9);
        assertThat(HyperLogLogPlusPlus.precisionFor(0.01)).isEqualTo(14);
        assertThat(HyperLogLogPlusPlus.precisionFor(0.39)).isEqualTo(4);
        assertThat(HyperLogLogPlusPlus.precisionFor(0.5)).isLessThan(4);
    }

    @Test
    void smallCardinalitiesGiveSparksEstimates() {
        assertThat(SKETCH.estimate(new byte[SKETCH.registerCount()], 0)).isZero();
        // Spark: SELECT approx_count_distinct(id) FROM range(300) is 296.
        assertThat(SKETCH.estimate(registersOf(0, 300), 0)).isEqualTo(296);
    }

    @Test
    void duplicatesDoNotCountAndMergingIsTheUnion() {
        byte[] once = registersOf(0, 200);
        byte[] twice = registersOf(0, 200);
        for (long value = 0; value < 200; value++) {
            SKETCH.add(twice, 0, XxHash64.hashLong(value, 42));
        }
        assertThat(twice).isEqualTo(once);
        byte[] merged = registersOf(0, 150);
        SKETCH.merge(merged, 0, registersOf(100, 300), 0);
        assertThat(merged).isEqualTo(registersOf(0, 300));
    }

    @Test
    void largeCardinalitiesAreWithinTheErrorBound() {
        long estimate = SKETCH.estimate(registersOf(0, 20_000), 0);
        assertThat((double) estimate).isCloseTo(20_000, within(20_000 * 0.15));
    }
}
