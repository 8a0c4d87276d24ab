package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregations and distinct over inputs many times a small memory budget, with many groups: the
 * same answers as a session without a budget, spill files written, and none left behind, also when
 * a task fails; a single group too large for memory fails with the memory error.
 */
class SpillingAggregationTest {
    /** 600,000 rows, about 150,000 groups by k, against a budget of 8 MB x 0.6. */
    private static final String ROWS = """
            CREATE OR REPLACE TEMPORARY VIEW t AS
            SELECT id,
                   CASE WHEN id % 101 = 0 THEN NULL ELSE (id * 7919) % 150000 END AS k,
                   CASE WHEN id % 23 = 0 THEN NULL ELSE concat('name-', CAST((id * 31) % 50000 AS STRING)) END AS s,
                   CAST(id % 1000 AS DECIMAL(10, 2)) / 7 AS d,
                   id % 7 AS small
            FROM range(0, 600000, 1, 4)""";

    @TempDir
    static Path temp;

    private static EmberSession small;
    private static EmberSession unbounded;

    @BeforeAll
    static void start() {
        small = SpillTestSessions.session(temp.resolve("small"), "8m", "ember.sql.shuffle.partitions", "2");
        unbounded = SpillTestSessions.session(temp.resolve("unbounded"), "2g", "ember.sql.shuffle.partitions", "2");
        small.sql(ROWS);
        unbounded.sql(ROWS);
    }

    @AfterAll
    static void stop() {
        small.stop();
        unbounded.stop();
    }

    /**
     * The query's rows on the small budget, checked against the unbounded session in any order (and
     * collected lists in any order); asserts it spilled.
     */
    private static List<String> sameAnswer(String query) {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        List<String> expected = canonical(unbounded.sql(query).collectAsList());
        List<String> actual = canonical(small.sql(query).collectAsList());
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).as(query).isEqualTo(expected);
        assertThat(small.memoryManager().diskBytesSpilled()).as("spilled: " + query).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
        return actual;
    }

    /** The rows as text, lists sorted within, rows sorted. */
    private static List<String> canonical(List<Row> rows) {
        List<String> result = new ArrayList<>();
        for (Row row : rows) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                if (value instanceof List<?> list) {
                    List<String> elements = new ArrayList<>(list.stream().map(String::valueOf).toList());
                    Collections.sort(elements);
                    value = elements;
                }
                values.add(String.valueOf(value));
            }
            result.add(String.join(" | ", values));
        }
        Collections.sort(result);
        return result;
    }

    private static void assertNoSpillFilesLeft() {
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    @Test
    void groupByManyKeysWithSeveralAggregates() {
        List<String> rows = sameAnswer("""
                SELECT k, count(*) AS c, sum(id) AS total, avg(d) AS mean, sum(d) AS dsum, min(s) AS first_name,
                       max(s) AS last_name, count(s) AS names, first(small) IS NOT NULL AS has_small
                FROM t GROUP BY k""");
        assertThat(rows).hasSize(150001);
    }

    @Test
    void countDistinctAndCollections() {
        // Collected lists compared sorted: their order depends on how rows arrive.
        sameAnswer("""
                SELECT k, count(DISTINCT s) AS names, count(DISTINCT small, s) AS pairs, sum(DISTINCT small) AS smalls,
                       collect_list(small) AS list, collect_set(s) AS names_set, max(id) AS top
                FROM t GROUP BY k""");
        sameAnswer("SELECT k, collect_list(s) AS names, percentile(id, 0.5) AS median FROM t GROUP BY k");
    }

    @Test
    void distinctAggregatesOverOneArgumentSetMixedWithOthers() {
        // Aggregated first by the keys and the distinct arguments, which spills like any aggregation.
        sameAnswer("""
                SELECT small, count(DISTINCT s) AS names, sum(id) AS total, avg(d) AS mean, max(s) AS last_name, count(*) AS c
                FROM t GROUP BY small""");
        sameAnswer("""
                SELECT k % 1000 AS g, count(DISTINCT id % 50000, s) AS pairs, sum(d) AS dsum, min(id) AS first_id
                FROM t GROUP BY 1""");
        // Global: more distinct values than one task's memory holds, never gathered in one set.
        List<String> global = sameAnswer("""
                SELECT count(DISTINCT concat(s, CAST(id % 250000 AS STRING))) AS c, count(*) AS rows, sum(d) AS dsum FROM t""");
        assertThat(global).hasSize(1);
        sameAnswer("SELECT sum(DISTINCT id % 250000) AS total, avg(DISTINCT id % 250000) AS mean, count(DISTINCT id % 250000) AS c, max(s) FROM t");
    }

    @Test
    void distinctAggregatesOverSeveralArgumentSetsMixedWithOthers() {
        // Expanded to a row per argument set, aggregated by the keys, set and arguments, then by the keys: both steps spill.
        String grouped = """
                SELECT small, count(DISTINCT s) AS names, sum(DISTINCT id % 250000) AS ids, count(DISTINCT k, s) AS pairs,
                       sum(d) AS dsum, count(*) AS c
                FROM t GROUP BY small""";
        assertThat(small.sql(grouped).explainString(false)).contains("Expand [[", "HashAggregate(merge, keys=[small, s, (id % 250000), k, gid]",
                "count(s) FILTER (WHERE (gid = 1))", "merge_count(count(1)_state) FILTER (WHERE (gid = 0))");
        sameAnswer(grouped);
        List<String> global = sameAnswer("""
                SELECT count(DISTINCT s) AS names, count(DISTINCT id % 250000) AS ids, avg(d) AS mean, max(s) AS last_name FROM t""");
        assertThat(global).hasSize(1);
    }

    @Test
    void groupingSets() {
        sameAnswer("""
                SELECT k, small, grouping_id() AS g, count(*) AS c, sum(d) AS dsum, max(s) AS name
                FROM t GROUP BY GROUPING SETS ((k, small), (k), (small), ())""");
    }

    @Test
    void distinctAndDropDuplicates() {
        sameAnswer("SELECT DISTINCT k, small FROM t");
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        DataFrame deduplicated = small.table("t").dropDuplicates("k", "s");
        long expected = unbounded.table("t").dropDuplicates("k", "s").count();
        assertThat(deduplicated.count()).isEqualTo(expected);
        assertThat(canonical(small.table("t").dropDuplicates("s").select("s").collectAsList()))
                .isEqualTo(canonical(unbounded.table("t").dropDuplicates("s").select("s").collectAsList()));
        assertThat(small.memoryManager().diskBytesSpilled()).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
    }

    @Test
    void aGroupLargerThanMemoryFailsWithTheMemoryError() {
        assertThatThrownBy(() -> small.sql("SELECT small % 1 AS one, collect_list(s) FROM t GROUP BY 1").collectAsList())
                .isInstanceOf(EmberException.class)
                .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.EXECUTION_MEMORY_EXCEEDED))
                .hasMessageContaining("HashAggregateExec").hasMessageContaining("ember.executor.memory");
        assertNoSpillFilesLeft();
    }

    @Test
    void spillFilesAreDeletedWhenATaskFailsWhileReadingSpilledGroups() {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        assertThatThrownBy(() -> small.sql("SELECT k, count(DISTINCT s) AS c, max(s) AS m FROM t GROUP BY k").rdd().map(row -> {
            if (!row.isNullAt(0) && row.getLong(0) == 77_777L) {
                throw new IllegalStateException("injected failure");
            }
            return row;
        }).count()).hasStackTraceContaining("injected failure");
        assertThat(small.memoryManager().diskBytesSpilled()).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
    }
}
