package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorts and windows over inputs many times a small memory budget: the same answers as a session
 * without a budget, spill files written, and none left behind, also when a task fails.
 */
class SpillingSortTest {
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
        small = SpillTestSessions.session(temp.resolve("small"), "8m");
        unbounded = SpillTestSessions.session(temp.resolve("unbounded"), "2g");
        small.sql(ROWS);
        unbounded.sql(ROWS);
    }

    @AfterAll
    static void stop() {
        small.stop();
        unbounded.stop();
    }

    /** The query's rows on the small budget, checked against the unbounded session; asserts it spilled. */
    private static List<Row> sameAnswer(String query) {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        List<Row> expected = unbounded.sql(query).collectAsList();
        List<Row> actual = small.sql(query).collectAsList();
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).as(query).isEqualTo(expected);
        assertThat(small.memoryManager().diskBytesSpilled()).as("spilled: " + query).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
        return actual;
    }

    private static void assertNoSpillFilesLeft() {
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    @Test
    void orderByManyKeysWithNullsAndDirections() {
        List<Row> rows = sameAnswer("SELECT k, s, id, d FROM t ORDER BY k DESC NULLS LAST, s ASC NULLS LAST, d, id DESC");
        assertThat(rows).hasSize(400000);
        assertThat(rows.get(0).get(0)).isEqualTo(999L);
        assertThat(rows.get(rows.size() - 1).get(0)).isNull();
        sameAnswer("SELECT s, id FROM t ORDER BY s NULLS FIRST, id");
    }

    @Test
    void topN() {
        assertThat(sameAnswer("SELECT id, k, s FROM t ORDER BY s DESC, id LIMIT 10")).hasSize(10);
        assertThat(sameAnswer("SELECT id, k, s FROM t ORDER BY k, s, id LIMIT 250000")).hasSize(250000);
    }

    @Test
    void windowsOverLargePartitions() {
        // 40 partitions of 10,000 rows, sorted with spills before the window, then ordered again.
        sameAnswer("""
                SELECT id, k, row_number() OVER (PARTITION BY id % 40 ORDER BY s, id) AS rn,
                       rank() OVER (PARTITION BY id % 40 ORDER BY k) AS r,
                       sum(id) OVER (PARTITION BY id % 40 ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS moving,
                       lag(s) OVER (PARTITION BY id % 40 ORDER BY s, id) AS previous, count(*) OVER (PARTITION BY id % 40) AS size
                FROM t
                ORDER BY id""");
    }

    @Test
    void aWindowPartitionLargerThanMemoryIsSpilled() {
        // One partition of all rows: SpillingWindowTest covers each kind of frame.
        sameAnswer("SELECT id, row_number() OVER (ORDER BY s, id) AS rn FROM t ORDER BY id");
    }

    @Test
    void spillFilesAreDeletedWhenATaskFailsWhileMerging() {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        // The sorted rows are read (merged from spilled runs) by the function, which fails half-way.
        assertThatThrownBy(() -> small.sql("SELECT id, s FROM t ORDER BY s, id").rdd().map(row -> {
            if (row.getLong(0) == 200_001L) {
                throw new IllegalStateException("injected failure");
            }
            return row;
        }).count()).hasStackTraceContaining("injected failure");
        assertThat(small.memoryManager().diskBytesSpilled()).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
    }
}
