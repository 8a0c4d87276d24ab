package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.scheduler.ShuffleDependency;
import dev.ember.sql.EmberSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edge cases of the transformations and actions; agreement with Spark is the conformance module's job. */
class RddApiTest {
    private static EmberSession ember;
    private static EmberContext context;
    /** Partitions computed by the last probed job (tasks run in this JVM). */
    private static final Set<Integer> COMPUTED = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        context = ember.context();
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    private static Rdd<Integer> probed(List<Integer> values, int partitions) {
        COMPUTED.clear();
        return context.parallelize(values, partitions).mapPartitionsWithIndex((index, input) -> {
            COMPUTED.add(index);
            return input;
        }, true);
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void takeScansOnePartitionThenMore() {
        Rdd<Integer> numbers = probed(range(100), 10);
        assertThat(numbers.take(3)).containsExactly(0, 1, 2);
        assertThat(COMPUTED).containsExactly(0);
        assertThat(numbers.first()).isZero();

        // Nothing in the first partition: the next round scans four times as many.
        Rdd<Integer> late = probed(range(100), 10).filter(n -> n >= 30);
        assertThat(late.take(2)).containsExactly(30, 31);
        assertThat(COMPUTED).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(late.take(1000)).hasSize(70);
        assertThat(late.take(0)).isEmpty();
    }

    @Test
    void emptyRddsFailWhereSparkFails() {
        Rdd<Integer> empty = context.parallelize(List.of(), 3);
        for (Runnable action : List.<Runnable>of(empty::first, () -> empty.max(Comparator.naturalOrder()),
                () -> context.<Integer>emptyRdd().min(Comparator.naturalOrder()))) {
            assertThatThrownBy(action::run).isInstanceOf(UnsupportedOperationException.class).hasMessage("empty collection");
        }
        assertThat(empty.isEmpty()).isTrue();
        assertThat(context.emptyRdd().isEmpty()).isTrue();
        assertThat(empty.fold(5, Integer::sum)).isEqualTo(20); // one zero per partition and one on the driver
        assertThat(empty.takeOrdered(3)).isEmpty();
        assertThat(empty.top(3)).isEmpty();
        assertThat(empty.countByValue()).isEmpty();
        assertThat(empty.takeSample(false, 3, 1)).isEmpty();
        assertThat(empty.distinct().collect()).isEmpty();
        assertThat(empty.mapToPair(n -> Pair.of(n, n)).sortByKey().collect()).isEmpty();
        assertThatThrownBy(() -> context.union()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullKeysAndValuesGoThroughShufflesAndJoins() {
        PairRdd<String, Integer> left = context.parallelizePairs(Arrays.asList(Pair.of(null, 1), Pair.of("a", null), Pair.of(null, 2)), 2);
        PairRdd<String, String> right = context.parallelizePairs(Arrays.asList(Pair.of(null, "x"), Pair.of("b", "y")), 3);
        assertThat(left.join(right).collect()).containsExactlyInAnyOrder(Pair.of(null, Pair.of(1, "x")), Pair.of(null, Pair.of(2, "x")));
        assertThat(left.leftOuterJoin(right).collect()).contains(Pair.of("a", Pair.of(null, Optional.empty())));
        assertThat(left.fullOuterJoin(right).lookup("b")).containsExactly(Pair.of(Optional.empty(), Optional.of("y")));
        Map<String, Long> counts = new java.util.HashMap<>();
        counts.put(null, 2L);
        counts.put("a", 1L);
        assertThat(left.countByKey()).isEqualTo(counts);
        assertThat(context.parallelize(Arrays.asList(null, 1, null), 2).distinct().collect()).containsExactlyInAnyOrder(null, 1);
        assertThat(left.subtractByKey(right).collect()).containsExactly(Pair.of("a", null));
    }

    @Test
    void coPartitionedInputsAreReadWithoutAnotherShuffle() {
        HashPartitioner byHash = new HashPartitioner(3);
        PairRdd<Integer, Integer> a = context.parallelize(range(20), 2).keyBy(n -> n % 5).partitionBy(byHash);
        PairRdd<Integer, String> b = context.parallelize(range(10), 4).mapToPair(n -> Pair.of(n, "v" + n)).partitionBy(byHash);
        PairRdd<Integer, Pair<Integer, String>> joined = a.join(b);
        List<ShuffleDependency> partitionings = new ArrayList<>(a.stageInputs());
        partitionings.addAll(b.stageInputs());
        assertThat(joined.stageInputs()).containsExactlyElementsOf(partitionings); // the two partitionBy shuffles, no more
        assertThat(joined.partitioner()).isEqualTo(Optional.of(byHash));
        assertThat(joined.count()).isEqualTo(20);
        assertThat(a.join(b.mapValues(v -> v)).stageInputs()).containsExactlyElementsOf(partitionings); // mapValues keeps the partitioner
        assertThat(a.join(b.map(p -> p).mapToPair(p -> p)).stageInputs()).doesNotContainSequence(partitionings); // map loses it
        assertThat(a.cogroup(b, b, a).stageInputs()).containsExactlyElementsOf(partitionings);

        // lookup on a known partitioner computes the one partition that holds the key
        PairRdd<Integer, Integer> partitioned = PairRdd.of(context.parallelize(range(30), 3).keyBy(n -> n % 6).partitionBy(byHash)
                .mapPartitionsWithIndex((index, input) -> {
                    COMPUTED.add(index);
                    return input;
                }, true));
        COMPUTED.clear();
        assertThat(partitioned.lookup(4)).containsExactlyInAnyOrder(4, 10, 16, 22, 28);
        assertThat(COMPUTED).containsExactly(byHash.getPartition(4));
    }

    @Test
    void sortByKeyIsGloballySortedWithBalancedRanges() {
        List<Integer> scrambled = new ArrayList<>(range(10_000));
        Collections.shuffle(scrambled, new java.util.Random(1));
        PairRdd<Integer, Integer> pairs = context.parallelize(scrambled, 4).mapToPair(n -> Pair.of(n, -n));
        PairRdd<Integer, Integer> sorted = pairs.sortByKey(true, 4);
        assertThat(sorted.keys().collect()).isEqualTo(range(10_000));
        assertThat(sorted.partitioner().get()).isInstanceOf(RangePartitioner.class);
        for (List<Pair<Integer, Integer>> partition : sorted.glom().collect()) {
            assertThat(partition.size()).isBetween(1500, 3500);
        }
        List<Integer> descending = pairs.sortByKey(false, 3).keys().collect();
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder()).hasSize(10_000);
        // Many equal keys: bounds skip duplicates, fewer partitions than asked are fine.
        PairRdd<Integer, Integer> fewKeys = context.parallelize(range(1000), 4).mapToPair(n -> Pair.of(n % 3, n));
        assertThat(fewKeys.sortByKey(true, 8).keys().collect()).isSorted().hasSize(1000);
        assertThat(context.parallelize(scrambled, 3).sortBy(n -> -n, true, 2).take(3)).containsExactly(9999, 9998, 9997);
    }

    @Test
    void rangePartitionerPutsKeysInOrderAndEqualsBySameBounds() {
        PairRdd<Integer, Integer> pairs = context.parallelize(range(100), 2).keyBy(n -> n);
        RangePartitioner<Integer> ascending = new RangePartitioner<>(4, pairs, true);
        RangePartitioner<Integer> descending = new RangePartitioner<>(4, pairs, false);
        assertThat(ascending.numPartitions()).isEqualTo(4);
        assertThat(ascending.getPartition(0)).isZero();
        assertThat(ascending.getPartition(99)).isEqualTo(3);
        assertThat(descending.getPartition(0)).isEqualTo(3);
        assertThat(new RangePartitioner<>(4, pairs, true)).isEqualTo(ascending).isNotEqualTo(descending);
        assertThat(pairs.partitionBy(ascending).partitionBy(ascending).stageInputs()).hasSize(1);
        assertThat(new RangePartitioner<>(1, pairs, true).numPartitions()).isEqualTo(1);
    }

    @Test
    void zipNeedsTheSamePartitionsAndSizes() {
        Rdd<Integer> three = context.parallelize(range(6), 3);
        assertThatThrownBy(() -> three.zip(context.parallelize(range(6), 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unequal numbers of partitions");
        assertThatThrownBy(() -> three.zip(three.filter(n -> n != 3)).collect())
                .isInstanceOf(EmberException.class).hasMessageContaining("same number of elements in each partition");
        assertThat(three.zip(three.map(n -> n * n)).values().collect()).containsExactly(0, 1, 4, 9, 16, 25);
    }

    @Test
    void samplingWithReplacementAboveTheGapFractionHasTheRightMean() {
        Rdd<Integer> numbers = context.parallelize(range(20_000), 4);
        long withReplacement = numbers.sample(true, 1.5, 17).count();
        assertThat(withReplacement).isBetween(28_500L, 31_500L);
        assertThat(numbers.sample(true, 1.5, 17).collect()).isEqualTo(numbers.sample(true, 1.5, 17).collect());
        long withoutReplacement = numbers.sample(false, 0.25, 3).count();
        assertThat(withoutReplacement).isBetween(4_700L, 5_300L);
        assertThat(numbers.sample(false, 0.25, 3).distinct().count()).isEqualTo(withoutReplacement);
        assertThat(numbers.takeSample(true, 50, 2)).hasSize(50);
        assertThat(numbers.takeSample(false, 50, 2)).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void foldAndAggregateStartEachPartitionFromItsOwnZero() {
        Rdd<Integer> numbers = context.parallelize(range(10), 3);
        List<Integer> folded = numbers.map(n -> new ArrayList<>(List.of(n)))
                .fold(new ArrayList<>(List.of(-1)), (a, b) -> {
                    a.addAll(b);
                    return a;
                });
        assertThat(folded.stream().filter(n -> n == -1).count()).isEqualTo(4);
        assertThat(numbers.aggregate(new ArrayList<Integer>(), (acc, n) -> {
            acc.add(n);
            return acc;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        })).containsExactlyElementsOf(range(10));
        assertThat(numbers.keyBy(n -> n % 2).foldByKey(0, Integer::sum).collectAsMap()).isEqualTo(Map.of(0, 20, 1, 25));
        assertThat(numbers.keyBy(n -> n % 2).aggregateByKey(0L, (acc, n) -> acc + 1, Long::sum).collectAsMap()).isEqualTo(Map.of(0, 5L, 1, 5L));
    }

    @Test
    void orderedActionsAndCoalesce() {
        Rdd<Integer> numbers = context.parallelize(List.of(5, 3, 9, 1, 7, 3), 3);
        assertThat(numbers.takeOrdered(3)).containsExactly(1, 3, 3);
        assertThat(numbers.top(2)).containsExactly(9, 7);
        assertThat(numbers.top(2, Comparator.reverseOrder())).containsExactly(1, 3);
        assertThat(numbers.max(Comparator.naturalOrder())).isEqualTo(9);
        assertThat(numbers.countByValue()).isEqualTo(Map.of(5, 1L, 3, 2L, 9, 1L, 1, 1L, 7, 1L));
        assertThat(numbers.coalesce(2).glom().collect()).containsExactly(List.of(5, 3), List.of(9, 1, 7, 3));
        assertThat(numbers.repartition(5).getNumPartitions()).isEqualTo(5);
        assertThat(numbers.repartition(5).collect()).containsExactlyInAnyOrder(5, 3, 9, 1, 7, 3);
        assertThatThrownBy(() -> numbers.coalesce(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(numbers.zipWithIndex().lookup(9)).containsExactly(2L);
        assertThat(context.union(numbers, numbers).count()).isEqualTo(12);
    }
}
