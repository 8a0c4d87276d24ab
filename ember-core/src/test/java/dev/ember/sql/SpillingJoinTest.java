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
 * Every join type over build sides many times a small memory budget (8 MB x 0.6, shared by two
 * tasks): the same rows as a session without a budget, spill files written, and none left behind,
 * also when a task fails. Keys repeat and include NULLs; one key alone is larger than memory.
 */
class SpillingJoinTest {
    private static final List<String> VIEWS = List.of("""
            CREATE OR REPLACE TEMPORARY VIEW facts AS
            SELECT id, CASE WHEN id % 997 = 0 THEN NULL ELSE (id * 7919) % 50000 END AS k, concat('fact-', CAST(id AS STRING)) AS payload
            FROM range(0, 300000, 1, 4)""", """
            CREATE OR REPLACE TEMPORARY VIEW dims AS
            SELECT id AS d, CASE WHEN id % 4999 = 0 THEN NULL ELSE id % 60000 END AS k, concat('dim-', CAST(id AS STRING)) AS name, id % 1000 AS v
            FROM range(0, 200000, 1, 4)""", """
            CREATE OR REPLACE TEMPORARY VIEW skewed AS
            SELECT id AS d, CASE WHEN id % 10 = 0 THEN id ELSE 7 END AS k, concat('skewed-row-', CAST(id AS STRING)) AS name
            FROM range(0, 150000, 1, 4)""", """
            CREATE OR REPLACE TEMPORARY VIEW probes AS
            SELECT id, CASE WHEN id % 20000 = 0 THEN 7 WHEN id % 333 = 0 THEN NULL ELSE id END AS k
            FROM range(0, 100000, 1, 2)""");

    @TempDir
    static Path temp;

    private static EmberSession small;
    private static EmberSession unbounded;

    @BeforeAll
    static void start() {
        small = SpillTestSessions.session(temp.resolve("small"), "8m");
        unbounded = SpillTestSessions.session(temp.resolve("unbounded"), "2g");
        VIEWS.forEach(small::sql);
        VIEWS.forEach(unbounded::sql);
    }

    @AfterAll
    static void stop() {
        small.stop();
        unbounded.stop();
    }

    /** The query's rows on the small budget equal the unbounded session's (in any order); asserts it spilled. */
    private static List<String> sameAnswer(String query) {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        List<String> expected = sorted(unbounded.sql(query).collectAsList());
        List<String> actual = sorted(small.sql(query).collectAsList());
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).as(query).isEqualTo(expected);
        assertThat(small.memoryManager().diskBytesSpilled()).as("spilled: " + query).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
        return actual;
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().toList();
    }

    private static void assertNoSpillFilesLeft() {
        SpillTestSessions.assertNothingLeftIn(temp.resolve("small"));
    }

    @Test
    void innerJoinWithDuplicateKeys() {
        List<String> rows = sameAnswer("SELECT f.id, f.k, d.name FROM facts f JOIN dims d ON f.k = d.k");
        assertThat(rows).hasSizeGreaterThan(500_000);
    }

    @Test
    void outerJoinsWithConditions() {
        sameAnswer("SELECT f.id, d.d, d.name FROM facts f LEFT JOIN dims d ON f.k = d.k AND d.v < 500");
        sameAnswer("SELECT f.id, d.d FROM facts f RIGHT JOIN dims d ON f.k = d.k AND f.id % 3 = 0");
        sameAnswer("SELECT f.id, f.k, d.d, d.k FROM facts f FULL JOIN dims d ON f.k = d.k AND f.id % 2 = d.d % 2");
    }

    @Test
    void semiAntiAndExistenceJoins() {
        sameAnswer("SELECT f.id FROM facts f WHERE EXISTS (SELECT 1 FROM dims d WHERE d.k = f.k AND d.v > f.id % 1000)");
        sameAnswer("SELECT f.id, f.k FROM facts f WHERE NOT EXISTS (SELECT 1 FROM dims d WHERE d.k = f.k AND d.v > f.id % 1000)");
        sameAnswer("SELECT f.id FROM facts f WHERE f.k IN (SELECT k FROM dims WHERE v < 800) OR f.id % 10 = 0");
    }

    @Test
    void semiAndAntiJoinsBuiltOnTheirPreservedSide() {
        // The subquery's side is larger than the facts: the facts are built (and spilled), the subquery's rows mark them.
        String larger = "(SELECT id % 60000 AS k, id % 1000 AS v FROM range(0, 1500000, 1, 4))";
        String exists = "SELECT f.id, f.payload FROM facts f WHERE EXISTS (SELECT 1 FROM " + larger + " d WHERE d.k = f.k AND d.v > f.id % 1000)";
        String notExists = "SELECT f.id, f.payload FROM facts f WHERE NOT EXISTS (SELECT 1 FROM " + larger + " d WHERE d.k = f.k AND d.v > f.id % 1000)";
        assertThat(small.execute(small.physicalPlan(small.sql(exists).logicalPlan())).finalPlan().treeString()).contains("HashJoin RightSemi");
        assertThat(small.execute(small.physicalPlan(small.sql(notExists).logicalPlan())).finalPlan().treeString()).contains("HashJoin RightAnti");
        int matched = sameAnswer(exists).size();
        int unmatched = sameAnswer(notExists).size();
        assertThat(matched).isPositive();
        assertThat(unmatched).isPositive();
        assertThat(matched + unmatched).isEqualTo(300_000);
        // q21's shape: the semi join, built on the facts, is the probe side of an anti join on the same key that built first.
        String chain = exists + " AND NOT EXISTS (SELECT 1 FROM " + larger + " g WHERE g.k = f.k AND g.v % 3 = f.id % 3)";
        assertThat(small.execute(small.physicalPlan(small.sql(chain).logicalPlan())).finalPlan().treeString()).contains("HashJoin RightSemi");
        assertThat(sameAnswer(chain)).isNotEmpty().hasSizeLessThan(matched);
    }

    @Test
    void nullSafeKeys() {
        List<String> rows = sameAnswer("SELECT f.id, d.d FROM facts f JOIN dims d ON f.k <=> d.k");
        assertThat(rows).anyMatch(row -> row.startsWith("[997,"));
    }

    @Test
    void nullAwareNotInOverABuildSideLargerThanMemory() {
        // An uncorrelated NOT IN is an anti join on keys, its NULL rules from a scalar subquery.
        assertThat(sameAnswer("SELECT id, k FROM facts WHERE k NOT IN (SELECT k FROM dims WHERE k IS NOT NULL AND k % 5 <> 0)")).isNotEmpty();
        // Of a few probes, those are built and the subquery's rows filtered by their keys before they are shuffled: nothing spills.
        String few = "SELECT id, k FROM probes WHERE id < 400 AND k NOT IN (SELECT k FROM dims WHERE k IS NOT NULL AND k % 5 <> 0)";
        List<String> rows = sorted(small.sql(few).collectAsList());
        assertThat(rows).isNotEmpty().isEqualTo(sorted(unbounded.sql(few).collectAsList()));
        // A correlated one is a join without keys (its condition is null-aware): joined block by block.
        assertThat(sameAnswer("SELECT p.id, p.k FROM probes p WHERE p.id < 400 AND p.k NOT IN "
                + "(SELECT dm.k FROM dims dm WHERE dm.k IS NOT NULL AND dm.k % 5 <> 0 AND dm.d <> p.id)")).isEqualTo(rows);
        assertThat(small.sql("SELECT id FROM probes WHERE id < 400 AND k NOT IN (SELECT k FROM dims)").collectAsList()).isEmpty();
    }

    @Test
    void joinsWithoutKeys() {
        // Conditions every row of dims meets, estimated selective, so that the join order builds dims (not the 150 probes).
        sameAnswer("SELECT p.id, d.d FROM probes p JOIN dims d ON d.v BETWEEN p.id AND p.id + 1 WHERE p.id < 150 AND d.d % 1 = 0 AND d.v % 1 = 0");
        // Adaptive execution would build this one on its 150 probe rows (a right join with the sides swapped): off, dims is built.
        small.conf().set("spark.sql.adaptive.enabled", "false");
        try {
            sameAnswer("SELECT p.id, d.d FROM (SELECT * FROM probes WHERE id < 150) p LEFT JOIN dims d ON d.v = p.id * 7 AND d.d < p.id * 500");
        } finally {
            small.conf().unset("spark.sql.adaptive.enabled");
        }
        sameAnswer("SELECT p.id, d.d FROM (SELECT * FROM probes WHERE id < 100) p FULL JOIN (SELECT * FROM dims WHERE v < 900) d ON d.d < p.id");
    }

    @Test
    void aSkewedKeyLargerThanMemory() {
        for (String type : List.of("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN")) {
            sameAnswer("SELECT p.id, s.d, s.name FROM probes p " + type + " skewed s ON p.k = s.k AND s.d % 7 <> p.id % 7");
        }
        sameAnswer("SELECT p.id FROM probes p WHERE p.k IN (SELECT k FROM skewed)");
        sameAnswer("SELECT p.id FROM probes p WHERE NOT EXISTS (SELECT 1 FROM skewed s WHERE s.k = p.k AND s.d > p.id)");
    }

    @Test
    void aJoinProbingIntoAnotherGivesUpItsMemory() {
        // The NOT IN join builds first, then its input (the inner join) needs the memory: the outer one spills while probing.
        String query = "SELECT f.id, d.d FROM facts f JOIN dims d ON f.k = d.k WHERE f.id % 1000 NOT IN (SELECT v FROM dims WHERE d < 3)";
        sameAnswer(query);
    }

    @Test
    void aBroadcastThatWouldNotFitIsRefusedAtPlanning() {
        String query = "SELECT f.id, d.name FROM facts f LEFT JOIN dims d ON f.k = d.k";
        assertThat(unbounded.sql(query).explainString(false)).contains("broadcast right");
        assertThat(small.sql(query).explainString(false)).doesNotContain("broadcast right");
    }

    @Test
    void spillFilesAreDeletedWhenATaskFailsWhileJoining() {
        long spilledBefore = small.memoryManager().diskBytesSpilled();
        assertThatThrownBy(() -> small.sql("SELECT f.id, d.name FROM facts f JOIN dims d ON f.k = d.k").rdd().map(row -> {
            if (row.getLong(0) % 100_000 == 77_777) {
                throw new IllegalStateException("injected failure");
            }
            return row;
        }).count()).hasStackTraceContaining("injected failure");
        assertThat(small.memoryManager().diskBytesSpilled()).isGreaterThan(spilledBefore);
        assertNoSpillFilesLeft();
    }
}
