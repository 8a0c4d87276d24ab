package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.broadcast.Broadcast;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.TaskContext;
import dev.ember.sql.EmberSession;
import dev.ember.accumulator.AccumulatorV2;
import dev.ember.accumulator.CollectionAccumulator;
import dev.ember.accumulator.DoubleAccumulator;
import dev.ember.accumulator.LongAccumulator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedVariablesTest {
    private static EmberSession ember;
    private static EmberContext context;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        context = ember.context();
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    private static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void broadcastValuesAreSharedAndDestroyedOnesFail() {
        Broadcast<Map<Integer, String>> names = context.broadcast(Map.of(0, "zero", 1, "one"));
        assertThat(context.parallelize(List.of(0, 1, 0), 2).map(n -> names.value().get(n)).collect())
                .containsExactly("zero", "one", "zero");
        names.unpersist();
        assertThat(names.value()).containsEntry(1, "one");
        names.destroy();
        assertThatThrownBy(names::value).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Attempted to use " + names + " after it was destroyed (destroy at SharedVariablesTest.java:");
        assertThatThrownBy(names::destroy).hasMessageContaining("after it was destroyed");
        assertThat(names.toString()).isEqualTo("Broadcast(" + names.id() + ")");
    }

    @Test
    void accumulatorsMergeEachSuccessfulTaskOnce() {
        LongAccumulator count = context.longAccumulator("count");
        DoubleAccumulator half = context.doubleAccumulator("half");
        CollectionAccumulator<Integer> seen = context.collectionAccumulator();
        context.parallelize(numbers(10), 3).foreach(n -> {
            count.add(1);
            half.add(n / 2.0);
            seen.add(n);
        });
        assertThat(count.value()).isEqualTo(10);
        assertThat(count.count()).isEqualTo(10);
        assertThat(half.value()).isEqualTo(22.5);
        assertThat(half.avg()).isEqualTo(2.25);
        assertThat(seen.value()).containsExactlyInAnyOrderElementsOf(numbers(10));
        assertThat(count.name()).contains("count");
        assertThat(count.toString()).isEqualTo("LongAccumulator(id: " + count.id() + ", name: Some(count), value: 10)");
        count.reset();
        assertThat(count.isZero()).isTrue();
        assertThat(new LongAccumulator().toString()).isEqualTo("Un-registered Accumulator: LongAccumulator");
        assertThatThrownBy(() -> context.register(count, "again")).hasMessage("Cannot register an Accumulator twice.");
    }

    @Test
    void updatesOfFailedAttemptsAreDropped() {
        LongAccumulator sum = context.longAccumulator();
        context.parallelize(numbers(10), 2).foreach(n -> {
            sum.add(n);
            if (n == 7 && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("injected");
            }
        });
        // The failed first attempt of partition 1 added 5 + 6 + 7 before failing: not counted.
        assertThat(sum.value()).isEqualTo(45);
        assertThat(sum.count()).isEqualTo(10);
    }

    /** A custom accumulator: the distinct strings added. */
    static final class DistinctStrings extends AccumulatorV2<String, Set<String>> {
        private final Set<String> values = new HashSet<>();

        @Override
        public boolean isZero() {
            return values.isEmpty();
        }

        @Override
        public DistinctStrings copy() {
            DistinctStrings copy = new DistinctStrings();
            copy.values.addAll(values);
            return copy;
        }

        @Override
        public void reset() {
            values.clear();
        }

        @Override
        public void add(String value) {
            values.add(value);
        }

        @Override
        public void merge(AccumulatorV2<String, Set<String>> other) {
            values.addAll(other.value());
        }

        @Override
        public Set<String> value() {
            return values;
        }
    }

    @Test
    void customAccumulatorsAndUnregisteredOnes() {
        DistinctStrings words = context.register(new DistinctStrings(), "words");
        List<String> lengths = context.parallelize(List.of("a", "bb", "a", "ccc"), 2).map(s -> {
            words.add(s);
            return s;
        }).collect();
        assertThat(lengths).hasSize(4);
        assertThat(words.value()).containsExactlyInAnyOrder("a", "bb", "ccc");
        DistinctStrings unregistered = new DistinctStrings();
        assertThatThrownBy(() -> context.parallelize(List.of("x"), 1).foreach(unregistered::add))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Accumulator must be registered before send to executor");
    }

    @Test
    void cancellingAGroupInterruptsItsBlockedTasks() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Broadcast<CountDownLatch> startedSignal = context.broadcast(started);
        ExecutorService driver = Executors.newSingleThreadExecutor();
        try {
            Future<Long> job = driver.submit(() -> {
                context.setJobGroup("slow", "a job that blocks", true);
                return context.parallelize(numbers(2), 2).map(n -> {
                    startedSignal.value().countDown();
                    Thread.sleep(60_000);
                    return n;
                }).count();
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            long cancelledAt = System.nanoTime();
            context.cancelJobGroup("slow");
            assertThatThrownBy(() -> job.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(EmberException.class)
                    .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.SPARK_JOB_CANCELLED))
                    .hasMessageMatching("(?s).*Job \\d+ cancelled part of cancelled job group slow.*");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cancelledAt)).isLessThan(10);
        } finally {
            driver.shutdownNow();
        }
        // The task threads were interrupted, so they are free again.
        assertThat(context.parallelize(numbers(4), 2).count()).isEqualTo(4);
    }

    @Test
    void logLevelsAreSparks() {
        context.setLogLevel("warn");
        assertThatThrownBy(() -> context.setLogLevel("LOUD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Supplied level LOUD did not match one of: ALL,DEBUG,ERROR,FATAL,INFO,OFF,TRACE,WARN");
        assertThat(context.defaultParallelism()).isEqualTo(2);
    }
}
