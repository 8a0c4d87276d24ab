package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.accumulator.LongAccumulator;
import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.exec.TaskContext;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Pair;
import dev.ember.sql.EmberSession;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpeculationTest {
    /** Attempt 0 of partition 3 hangs (a minute, unless interrupted); every other attempt is quick. */
    private static int stuckOnFirstAttempt(int n) throws InterruptedException {
        TaskContext task = TaskContext.get();
        if (task.partitionId() == 3 && task.attemptNumber() == 0) {
            TimeUnit.MINUTES.sleep(1);
        }
        return n;
    }

    @Test
    void aStuckAttemptIsOvertakenBySpeculationWithExactResultsAndAccumulatorsCountedOnce() {
        EmberSession ember = EmberSession.builder().master("local[2]").config("spark.speculation", "true")
                .config("spark.speculation.interval", "20ms").getOrCreate();
        try {
            EmberContext context = ember.context();
            LongAccumulator mapped = context.longAccumulator("mapped");
            long started = System.nanoTime();
            // The straggler is a map task: its output and its accumulator updates must count once.
            Map<Integer, Integer> sums = context.parallelize(IntStream.range(0, 40).boxed().toList(), 4)
                    .map(n -> {
                        mapped.add(1);
                        return stuckOnFirstAttempt(n);
                    })
                    .mapToPair(n -> Pair.of(n % 3, n))
                    .reduceByKey(Integer::sum)
                    .collect().stream().collect(Collectors.toMap(Pair::_1, Pair::_2));

            assertThat(sums).isEqualTo(Map.of(0, 273, 1, 247, 2, 260));
            assertThat(mapped.value()).isEqualTo(40);
            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(30));
            // A result stage too.
            assertThat(context.parallelize(IntStream.range(0, 40).boxed().toList(), 4).map(SpeculationTest::stuckOnFirstAttempt)
                    .reduce(Integer::sum)).isEqualTo(780);
        } finally {
            ember.stop();
        }
    }

    @Test
    void thresholdFollowsSparksQuantileMultiplierAndMinimum() {
        Speculation on = Speculation.fromConf(new EmberConf(Map.of("spark.speculation", "true")));
        assertThat(on).isEqualTo(new Speculation(true, 100, 1.5, 0.75, 100));
        // 8 tasks: at least floor(0.75 * 8) = 6 must have succeeded.
        assertThat(on.thresholdMillis(8, new long[] {1000, 1000, 1000, 1000, 1000})).isEqualTo(-1);
        assertThat(on.thresholdMillis(8, new long[] {1000, 3000, 1000, 2000, 1000, 1000})).isEqualTo(1500);
        assertThat(on.thresholdMillis(8, new long[] {10, 10, 10, 10, 10, 10})).isEqualTo(100);
        assertThat(on.thresholdMillis(1, new long[] {400})).isEqualTo(600);
        assertThat(Speculation.fromConf(new EmberConf(Map.of())).thresholdMillis(1, new long[] {400})).isEqualTo(-1);

        Speculation tuned = Speculation.fromConf(new EmberConf(Map.of("ember.speculation", "true", "ember.speculation.interval", "1s",
                "spark.speculation.multiplier", "3", "spark.speculation.quantile", "0.5", "spark.speculation.minTaskRuntime", "2min")));
        assertThat(tuned).isEqualTo(new Speculation(true, 1000, 3, 0.5, 120_000));
        assertThatThrownBy(() -> Speculation.fromConf(new EmberConf(Map.of("spark.speculation.interval", "soon"))))
                .isInstanceOf(EmberException.class).hasMessageContaining("spark.speculation.interval".replace("spark", "ember"));
    }
}
