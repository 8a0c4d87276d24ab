package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.memory.MemoryManager;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.HashPartitioner;
import dev.ember.rdd.Pair;
import dev.ember.rdd.PairRdd;
import dev.ember.rdd.Rdd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RDD shuffles over inputs many times a small memory budget (8 MB x 0.6, against about 15 MB of
 * records): combiners, groups and sorted records spill, and the answers are exactly those of a
 * session without a budget; no spill file is left behind, also when a task fails; one key larger
 * than memory fails with the memory error, not the JVM's.
 */
class SpillingRddTest {
    private static final int RECORDS = 150_000;

    @TempDir
    static Path temp;

    private static EmberSession small;
    private static EmberSession unbounded;

    @BeforeAll
    static void start() {
        small = SpillTestSessions.session(temp.resolve("small"), "8m");
        unbounded = SpillTestSessions.session(temp.resolve("unbounded"), "2g");
    }

    @AfterAll
    static void stop() {
        small.stop();
        unbounded.stop();
    }

    /** Each number as a pair: a key with about {@code RECORDS / keys} values, and a string value. */
    private static PairRdd<Integer, String> pairs(EmberContext context, int keys) {
        return context.parallelize(IntStream.range(0, RECORDS).boxed().toList(), 4)
                .mapToPair(n -> Pair.of((n * 7919) % keys, "value-" + n));
    }

    /**
     * The job's answer on the small budget, checked against the unbounded session (sorted, unless
     * the order is part of the answer); asserts the RDD operators spilled (beyond what the shuffle
     * wrote) and that no file is left.
     */
    private static <T> void sameAnswer(Function<EmberContext, List<T>> job, boolean ordered) {
        MemoryManager memory = small.memoryManager();
        long spilledBefore = memory.diskBytesSpilled();
        long shuffledBefore = small.context().shuffles().diskBytesWritten();
        List<String> expected = canonical(job.apply(unbounded.context()), ordered);
        List<String> actual = canonical(job.apply(small.context()), ordered);
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).isEqualTo(expected);
        long shuffled = small.context().shuffles().diskBytesWritten() - shuffledBefore;
        assertThat(memory.diskBytesSpilled() - spilledBefore).as("spilled by the RDD operators").isGreaterThan(shuffled);
        assertThat(unbounded.memoryManager().diskBytesSpilled()).as("nothing spilled without a budget").isZero();
        assertNoSpillFilesLeft();
    }

    /** The tasks' spill directories are gone (the RDD shuffles' own files outlive their jobs, as in Spark, until the RDDs are unreachable). */
    private static void assertNoSpillFilesLeft() {
        // The top level only: spill files live in the tasks' directories there, while the files of
        // shuffles may be deleted under a deeper walk by the cleaner of unreachable RDDs.
        try (Stream<Path> files = Files.list(temp.resolve("small"))) {
            assertThat(files.filter(path -> !path.getFileName().toString().startsWith("ember-shuffle-")).toList())
                    .as("spill files left").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<String> canonical(List<T> values, boolean ordered) {
        List<String> text = new ArrayList<>(values.stream().map(String::valueOf).toList());
        if (!ordered) {
            text.sort(null);
        }
        return text;
    }

    @Test
    void reduceByKeyAndAggregateByKey() {
        sameAnswer(context -> pairs(context, 100_000).reduceByKey((a, b) -> a.compareTo(b) <= 0 ? a : b).collect(), false);
        sameAnswer(context -> pairs(context, 100_000)
                .aggregateByKey(Pair.of(0, ""), (acc, v) -> Pair.of(acc._1() + 1, acc._2().compareTo(v) >= 0 ? acc._2() : v),
                        (a, b) -> Pair.of(a._1() + b._1(), a._2().compareTo(b._2()) >= 0 ? a._2() : b._2()))
                .collect(), false);
    }

    @Test
    void groupByKeyCountsItsValues() {
        // The values of a key arrive in no particular order: compared sorted.
        sameAnswer(context -> pairs(context, 20_000).groupByKey().mapValues(values -> {
            List<String> sorted = new ArrayList<>();
            values.forEach(sorted::add);
            sorted.sort(null);
            return sorted;
        }).collect(), false);
    }

    @Test
    void cogroupAndJoin() {
        sameAnswer(context -> {
            PairRdd<Integer, String> left = pairs(context, 30_000);
            PairRdd<Integer, Integer> right = context.parallelize(IntStream.range(0, 50_000).boxed().toList(), 3)
                    .mapToPair(n -> Pair.of(n * 3 % 45_000, n));
            List<Object> answers = new ArrayList<>();
            answers.add(left.join(right).count());
            answers.addAll(left.join(right).map(p -> p._1() + ":" + p._2()._1() + ":" + p._2()._2())
                    .filter(s -> s.hashCode() % 50 == 0).collect());
            answers.addAll(left.cogroup(right).mapValues(g -> sizes(g._1()) + "/" + sizes(g._2())).collect());
            return answers;
        }, false);
    }

    private static int sizes(Iterable<?> values) {
        int count = 0;
        for (Object value : values) {
            count++;
        }
        return count;
    }

    @Test
    void sortByKeyAndSortBy() {
        sameAnswer(context -> pairs(context, 140_000).sortByKey(true, 3).collect(), true);
        sameAnswer(context -> pairs(context, 140_000).values().sortBy(s -> s.substring(6), false, 2).collect(), true);
    }

    @Test
    void distinctWithAndWithoutAShuffle() {
        sameAnswer(context -> pairs(context, 80_000).keys().map(k -> "key-" + k).distinct().collect(), false);
        sameAnswer(context -> {
            Rdd<Pair<Integer, String>> partitioned = pairs(context, 80_000)
                    .mapToPair(p -> Pair.of(p._1(), "v" + p._1() % 1000)).partitionBy(new HashPartitioner(2));
            return partitioned.distinct(2).collect(); // already partitioned: distinct in place
        }, false);
    }

    @Test
    void spillFilesAreDeletedWhenATaskFailsWhileReadingSpilledCombiners() {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        assertThatThrownBy(() -> pairs(small.context(), 60_000).reduceByKey((a, b) -> a + b).map(p -> {
            if (p._1() == 37_777) {
                throw new IllegalStateException("injected failure");
            }
            return p;
        }).count()).hasStackTraceContaining("injected failure");
        assertThat(small.memoryManager().diskBytesSpilled()).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
    }

    @Test
    void aKeyLargerThanMemoryFailsWithTheMemoryError() {
        assertThatThrownBy(() -> pairs(small.context(), 1).groupByKey().count())
                .isInstanceOf(EmberException.class)
                .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.EXECUTION_MEMORY_EXCEEDED))
                .hasMessageContaining("RDD combineByKey").hasMessageContaining("ember.executor.memory");
        assertNoSpillFilesLeft();
    }
}
