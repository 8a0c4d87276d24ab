package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.TaskContext;
import dev.ember.sql.EmberSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RddTest {
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

    private static final List<String> LINES = List.of("a b c", "b c", "c", "", "a  c");

    @Test
    void wordCountShufflesByKey() {
        PairRdd<String, Integer> counts = context.parallelize(LINES, 3)
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .filter(word -> !word.isEmpty())
                .mapToPair(word -> Pair.of(word, 1))
                .reduceByKey(Integer::sum);
        assertThat(new TreeMap<>(counts.collect().stream().collect(Collectors.toMap(Pair::_1, Pair::_2))))
                .isEqualTo(Map.of("a", 2, "b", 2, "c", 4));
        assertThat(counts.getNumPartitions()).isEqualTo(3);
        assertThat(counts.partitioner()).isEqualTo(Optional.of(new HashPartitioner(3)));
    }

    @Test
    void actionsOverPartitions() {
        Rdd<Integer> numbers = context.parallelize(IntStream.rangeClosed(1, 100).boxed().toList(), 4);
        assertThat(numbers.count()).isEqualTo(100);
        assertThat(numbers.reduce(Integer::sum)).isEqualTo(5050);
        assertThat(numbers.map(n -> n * 2).collect()).startsWith(2, 4, 6).hasSize(100);
        assertThat(numbers.mapPartitionsWithIndex((index, values) -> List.of(index).iterator(), false).collect())
                .containsExactly(0, 1, 2, 3);
        assertThat(context.emptyRdd().count()).isZero();
        assertThatThrownBy(() -> context.<Integer>emptyRdd().reduce(Integer::sum))
                .isInstanceOf(UnsupportedOperationException.class).hasMessage("empty collection");
    }

    @Test
    void groupByKeyKeepsEveryValue() {
        PairRdd<Integer, Iterable<Integer>> groups = context.parallelize(IntStream.range(0, 20).boxed().toList(), 3)
                .keyBy(n -> n % 3)
                .groupByKey(2);
        Map<Integer, Integer> sums = groups.mapValues(values -> {
            int sum = 0;
            for (int v : values) {
                sum += v;
            }
            return sum;
        }).collect().stream().collect(Collectors.toMap(Pair::_1, Pair::_2));
        assertThat(sums).isEqualTo(Map.of(0, 63, 1, 70, 2, 57));
    }

    @Test
    void failedTaskIsRetriedAndTheResultIsExact() {
        Rdd<Integer> flaky = context.parallelize(IntStream.range(0, 10).boxed().toList(), 2).map(n -> {
            if (TaskContext.get().attemptNumber() == 0 && n == 7) {
                throw new IllegalStateException("injected");
            }
            return n;
        });
        assertThat(flaky.reduce(Integer::sum)).isEqualTo(45);
    }

    @Test
    void lostShuffleOutputIsRecomputedFromLineage() {
        PairRdd<Integer, Integer> sums = context.parallelize(IntStream.range(0, 30).boxed().toList(), 3)
                .mapToPair(n -> Pair.of(n % 2, n))
                .reduceByKey(Integer::sum);
        Map<Integer, Integer> expected = Map.of(0, 210, 1, 225);
        assertThat(sums.collect().stream().collect(Collectors.toMap(Pair::_1, Pair::_2))).isEqualTo(expected);
        int shuffleId = ((ShuffledRdd<?, ?, ?>) sums.narrowParents().get(0)).shuffleParents().get(0).shuffleId();
        context.shuffles().lose(shuffleId, 1);
        assertThat(context.shuffles().missing(shuffleId, 3)).containsExactly(1);
        assertThat(sums.collect().stream().collect(Collectors.toMap(Pair::_1, Pair::_2))).isEqualTo(expected);
        assertThat(context.shuffles().missing(shuffleId, 3)).isEmpty();
    }

    /** Not serializable on purpose. */
    private static final class Counter {
        int count;
    }

    @Test
    void functionReachingSomethingNotSerializableFailsAtTheTransformation() {
        Counter counter = new Counter();
        Rdd<Integer> numbers = context.parallelize(List.of(1, 2, 3), 1);
        assertThatThrownBy(() -> numbers.map(n -> n + counter.count))
                .isInstanceOfSatisfying(EmberException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.TASK_NOT_SERIALIZABLE);
                    assertThat(e.getMessage()).contains(Counter.class.getName(), "map");
                });
    }
}
