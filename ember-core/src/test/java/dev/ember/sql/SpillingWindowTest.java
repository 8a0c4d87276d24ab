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
 * Window functions over partitions many times a small memory budget (the whole input in one
 * partition, or a few large ones): each kind of frame gives the same answers as a session without
 * a budget, the partitions are spilled, and no spill file is left behind, also when a task fails.
 */
class SpillingWindowTest {
    /** 400,000 rows against a budget of 8 MB x 0.6: k has 1,000 values (peer groups of 400 rows), small 7 (of 57,000). */
    private static final String ROWS = """
            CREATE OR REPLACE TEMPORARY VIEW t AS
            SELECT id, id % 1000 AS k, id % 7 AS small,
                   CASE WHEN id % 23 = 0 THEN NULL ELSE concat('name-', CAST((id * 31) % 50000 AS STRING)) END AS s,
                   CAST(id % 1000 AS DECIMAL(10, 2)) / 7 AS d
            FROM range(0, 400000, 1, 4)""";

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

    /** The query's rows on the small budget, checked against the unbounded session in any order; asserts it spilled. */
    private static void sameAnswer(String query) {
        sameAnswerAs(query, query);
    }

    /** The query's rows on the small budget, checked against {@code reference}'s on the unbounded session in any order; asserts it spilled. */
    private static void sameAnswerAs(String query, String reference) {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        List<String> expected = canonical(unbounded.sql(reference).collectAsList());
        List<String> actual = canonical(small.sql(query).collectAsList());
        assertThat(actual).hasSize(400_000);
        assertThat(actual).as(query).isEqualTo(expected);
        assertThat(small.memoryManager().diskBytesSpilled()).as("spilled: " + query).isGreaterThan(spilledBefore);
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    private static List<String> canonical(List<Row> rows) {
        List<String> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(row.toString());
        }
        Collections.sort(result);
        return result;
    }

    @Test
    void rankingOverOnePartition() {
        sameAnswer("""
                SELECT id, row_number() OVER (ORDER BY k, id) AS n, rank() OVER (ORDER BY k) AS r,
                       dense_rank() OVER (ORDER BY k DESC) AS dr, percent_rank() OVER (ORDER BY small) AS pr,
                       cume_dist() OVER (ORDER BY small) AS cd, cume_dist() OVER (ORDER BY k) AS ck,
                       ntile(7) OVER (ORDER BY k, id) AS tile
                FROM t""");
    }

    @Test
    void runningAggregatesFromThePartitionStart() {
        sameAnswer("""
                SELECT id, sum(id) OVER (ORDER BY k) AS by_peers, max(s) OVER (ORDER BY small) AS huge_peers,
                       count(s) OVER (ORDER BY k, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
                       avg(d) OVER (ORDER BY k, id ROWS BETWEEN UNBOUNDED PRECEDING AND 3 FOLLOWING) AS ahead,
                       min(id) OVER (ORDER BY k, id ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING) AS behind,
                       sum(k) OVER (ORDER BY id RANGE BETWEEN UNBOUNDED PRECEDING AND 5 FOLLOWING) AS by_value
                FROM t""");
    }

    @Test
    void offsetsAndBoundedFrames() {
        sameAnswer("""
                SELECT id, lag(s, 2) OVER (ORDER BY k, id) AS before, lead(id, 5, -1) OVER (ORDER BY k, id) AS after,
                       sum(id) OVER (ORDER BY k, id ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING) AS around,
                       min(s) OVER (ORDER BY k, id ROWS BETWEEN 10 PRECEDING AND 1 PRECEDING) AS earlier,
                       sum(k) OVER (ORDER BY id RANGE BETWEEN 3 PRECEDING AND 2 FOLLOWING) AS by_value,
                       count(s) OVER (ORDER BY k, id ROWS BETWEEN 2 FOLLOWING AND 4 FOLLOWING) AS next_names
                FROM t""");
    }

    @Test
    void framesThatNeedTheWholePartition() {
        sameAnswer("""
                SELECT id, sum(id) OVER () AS total, count(s) OVER (PARTITION BY small) AS per_small,
                       sum(id) OVER (ORDER BY k, id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest,
                       max(s) OVER (ORDER BY k RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest_of_peers,
                       count(*) OVER (ORDER BY k, id ROWS BETWEEN 5 FOLLOWING AND UNBOUNDED FOLLOWING) AS later,
                       avg(d) OVER (PARTITION BY small ORDER BY id RANGE BETWEEN 10 PRECEDING AND UNBOUNDED FOLLOWING) AS tail
                FROM t""");
    }

    /**
     * Order-dependent aggregates over frames to the partition's end, on the small budget, against
     * the same frames turned around (the order reversed, frames from the partition's start) on the
     * unbounded session: a frame to the end computed in memory takes time quadratic in the
     * partition, as Spark's does. The list of ids in ascending order is the sorted reversed one.
     */
    @Test
    void orderDependentFramesToThePartitionEnd() {
        sameAnswerAs("""
                SELECT id, first(s) OVER (ORDER BY k, id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),
                       first(s, true) OVER (ORDER BY k, id ROWS BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING),
                       last(s) OVER (ORDER BY id RANGE BETWEEN 5 PRECEDING AND UNBOUNDED FOLLOWING),
                       last(CASE WHEN id % 5000 = 7 THEN s END, true) OVER (ORDER BY k, id ROWS BETWEEN 3 PRECEDING AND UNBOUNDED FOLLOWING),
                       collect_list(CASE WHEN id % 100000 < 3 THEN id END) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING),
                       sort_array(collect_set(small) OVER (PARTITION BY id % 2 ORDER BY id RANGE BETWEEN 10 PRECEDING AND UNBOUNDED FOLLOWING))
                FROM t""", """
                SELECT id, last(s) OVER (ORDER BY k DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
                       last(s, true) OVER (ORDER BY k DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING),
                       first(s) OVER (ORDER BY id DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 5 FOLLOWING),
                       first(CASE WHEN id % 5000 = 7 THEN s END, true) OVER (ORDER BY k DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 3 FOLLOWING),
                       sort_array(collect_list(CASE WHEN id % 100000 < 3 THEN id END) OVER (ORDER BY id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)),
                       sort_array(collect_set(small) OVER (PARTITION BY id % 2 ORDER BY id DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 10 FOLLOWING))
                FROM t""");
    }

    @Test
    void aFrameToTheEndWhoseValuesAloneExceedTheBudgetFailsWithTheMemoryError() {
        assertThatThrownBy(() -> small.sql("SELECT size(collect_list(s) OVER (ORDER BY k, id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)) FROM t")
                .collectAsList())
                .isInstanceOf(EmberException.class)
                .satisfies(e -> assertThat(((EmberException) e).errorClass()).isEqualTo(ErrorClass.EXECUTION_MEMORY_EXCEEDED))
                .hasMessageContaining("WindowExec")
                .hasMessageContaining("ember.executor.memory");
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    @Test
    void spillFilesAreDeletedWhenATaskFailsWhileReadingASpilledPartition() {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        assertThatThrownBy(() -> small.sql("SELECT id, sum(id) OVER () AS total, rank() OVER (ORDER BY k) AS r FROM t").rdd().map(row -> {
            if (row.getLong(0) == 377_777L) {
                throw new IllegalStateException("injected failure");
            }
            return row;
        }).count()).hasStackTraceContaining("injected failure");
        assertThat(small.memoryManager().diskBytesSpilled()).isGreaterThan(spilledBefore);
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }
}
