package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.rdd.EmberContext;
import dev.ember.rdd.Pair;
import dev.ember.rdd.PairRdd;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.storage.StorageLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shuffles many times a small memory budget: map outputs go to disk (while partitioning, or
 * evicted after), readers stream them back, and the answers are those of a session without a
 * budget. No shuffle file is left once a query's shuffle is freed, a task fails or the session stops.
 */
class SpillingShuffleTest {
    /** About 30 MB of rows in memory, against a budget of 8 MB x 0.6. */
    private static final String ROWS = """
            CREATE OR REPLACE TEMPORARY VIEW t AS
            SELECT id,
                   CASE WHEN id % 17 = 0 THEN NULL ELSE (id * 7919) % 1000 END AS k,
                   CASE WHEN id % 23 = 0 THEN NULL ELSE concat('name-', CAST((id * 31) % 5000 AS STRING)) END AS s,
                   CAST(id % 1000 AS DECIMAL(10, 2)) / 7 AS d
            FROM range(0, 400000, 1, 4)""";

    @TempDir
    static Path temp;

    private static EmberSession small;
    private static EmberSession unbounded;

    @BeforeAll
    static void start() {
        small = session("small", "8m");
        unbounded = session("unbounded", "2g");
        small.sql(ROWS);
        unbounded.sql(ROWS);
    }

    private static EmberSession session(String directory, String memory) {
        return SpillTestSessions.session(temp.resolve(directory), memory);
    }

    @AfterAll
    static void stop() {
        small.stop();
        unbounded.stop();
    }

    private static ShuffleStore shuffles(EmberSession session) {
        return session.context().shuffles();
    }

    /** The query's rows on the small budget, checked against the unbounded session; asserts shuffle blocks went to disk. */
    private static List<Row> sameAnswer(String query) {
        long writtenBefore = shuffles(small).diskBytesWritten();
        List<Row> expected = unbounded.sql(query).collectAsList();
        List<Row> actual = small.sql(query).collectAsList();
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).as(query).isEqualTo(expected);
        assertThat(shuffles(small).diskBytesWritten()).as("shuffle blocks on disk: " + query).isGreaterThan(writtenBefore);
        assertThat(shuffles(unbounded).diskBytesWritten()).as("nothing on disk without a budget").isZero();
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
        return actual;
    }


    @Test
    void joinOfInputsLargerThanMemory() {
        List<Row> rows = sameAnswer("""
                SELECT a.id, a.s, b.k, b.d FROM t a JOIN t b ON a.id = b.id * 2 AND a.k <=> b.k
                ORDER BY a.id""");
        assertThat(rows).isNotEmpty();
        sameAnswer("SELECT a.k, count(*) AS n FROM t a LEFT JOIN t b ON a.id = b.id + 1 AND a.s = b.s GROUP BY a.k ORDER BY a.k");
    }

    @Test
    void aggregationWithManyGroups() {
        List<Row> rows = sameAnswer("""
                SELECT id % 150000 AS g, count(*) AS n, min(s) AS first, sum(d) AS total
                FROM t GROUP BY id % 150000 ORDER BY g""");
        assertThat(rows).hasSize(150000);
        sameAnswer("SELECT DISTINCT id % 200000 AS g, k FROM t ORDER BY g, k");
    }

    @Test
    void repartitionedRowsKeepEveryRow() {
        assertThat(small.table("t").repartition(7).count()).isEqualTo(400000);
        assertThat(shuffles(small).diskBytesWritten()).isPositive();
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    @Test
    void filesAreDeletedWhenAMapTaskFails() {
        long writtenBefore = shuffles(small).diskBytesWritten();
        // The last map task spills part of its output, then divides by zero.
        assertThatThrownBy(() -> small.sql("SELECT id, s, 1 / (id - 399990) AS q FROM t").repartition(5).count())
                .isInstanceOf(EmberException.class).hasMessageContaining("DIVIDE_BY_ZERO");
        assertThat(shuffles(small).diskBytesWritten()).isGreaterThan(writtenBefore);
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    @Test
    void aCachedFrameLargerThanMemoryGivesExactAnswersOnRepeatedActions() {
        String query = "SELECT id, s, k, d FROM t WHERE id % 3 <> 0";
        DataFrame cached = small.sql(query).cache();
        assertThat(cached.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK);
        DataFrame reference = unbounded.sql(query);
        for (int action = 0; action < 2; action++) {
            assertThat(cached.count()).isEqualTo(reference.count());
            assertThat(cached.orderBy("id").collectAsList()).isEqualTo(reference.orderBy("id").collectAsList());
            assertThat(cached.groupBy("k").count().orderBy("k").collectAsList())
                    .isEqualTo(reference.groupBy("k").count().orderBy("k").collectAsList());
        }
        assertThat(small.cache().isComputed(cached.logicalPlan())).isTrue();
        assertThat(shuffles(small).diskBytes()).as("the part that did not fit is on disk").isPositive();
        assertThat(small.memoryManager().storageUsed()).isLessThanOrEqualTo(small.memoryManager().maxMemory());

        DataFrame onDisk = small.sql("SELECT id, s FROM t WHERE id % 5 = 0").persist(StorageLevel.DISK_ONLY);
        long storageBefore = small.memoryManager().storageUsed();
        assertThat(onDisk.orderBy("id").collectAsList())
                .isEqualTo(unbounded.sql("SELECT id, s FROM t WHERE id % 5 = 0").orderBy("id").collectAsList());
        assertThat(small.memoryManager().storageUsed()).as("disk only takes no memory").isLessThanOrEqualTo(storageBefore);

        cached.unpersist();
        onDisk.unpersist();
        assertThat(shuffles(small).diskBytes()).isZero();
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    /** Each number's pair, with a string large enough that the records take many MB. */
    private static PairRdd<Integer, String> pairs(EmberContext context, int count) {
        return context.parallelize(IntStream.range(0, count).boxed().toList(), 6)
                .mapToPair(n -> Pair.of(n % 50000, "value-" + n));
    }

    @Test
    void rddGroupAndReduceByKeySpillAndSurviveLostOutputs() {
        Path local = temp.resolve("rdd");
        EmberSession session = session("rdd", "8m");
        EmberSession reference = session("rdd-reference", "2g");
        try {
            PairRdd<Integer, Integer> grouped = pairs(session.context(), 300000).groupByKey()
                    .mapValues(values -> {
                        int total = 0;
                        for (String value : values) {
                            total += value.length();
                        }
                        return total;
                    });
            PairRdd<Integer, String> reduced = pairs(session.context(), 300000)
                    .reduceByKey((a, b) -> a.compareTo(b) <= 0 ? a : b);
            List<Pair<Integer, Integer>> expectedGroups = sorted(pairs(reference.context(), 300000).groupByKey()
                    .mapValues(values -> {
                        int total = 0;
                        for (String value : values) {
                            total += value.length();
                        }
                        return total;
                    }).collect());
            List<Pair<Integer, String>> expectedMinimums = sorted(pairs(reference.context(), 300000)
                    .reduceByKey((a, b) -> a.compareTo(b) <= 0 ? a : b).collect());

            assertThat(sorted(grouped.collect())).isEqualTo(expectedGroups);
            assertThat(sorted(reduced.collect())).isEqualTo(expectedMinimums);
            ShuffleStore store = session.context().shuffles();
            assertThat(store.diskBytesWritten()).isPositive();
            assertThat(store.diskBytes()).as("the RDDs' shuffles outlive their jobs, on disk").isPositive();

            // Outputs lost (with their files): recomputed from lineage, with the same answer.
            int shuffleId = grouped.stageInputs().get(0).shuffleId();
            store.lose(shuffleId, 0);
            store.lose(shuffleId, 3);
            assertThat(store.missing(shuffleId, 6)).containsExactly(0, 3);
            assertThat(sorted(grouped.collect())).isEqualTo(expectedGroups);
            assertThat(store.missing(shuffleId, 6)).isEmpty();
        } finally {
            session.stop();
            reference.stop();
        }
        SpillTestSessions.assertNothingLeftIn(local);
        SpillTestSessions.assertNothingLeftIn(temp.resolve("rdd-reference"));
    }

    private static <K extends Comparable<K>, V> List<Pair<K, V>> sorted(List<Pair<K, V>> pairs) {
        List<Pair<K, V>> copy = new ArrayList<>(pairs);
        copy.sort(Comparator.comparing(Pair::_1));
        return copy;
    }
}
