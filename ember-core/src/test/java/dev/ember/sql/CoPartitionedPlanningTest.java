package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.planner.AdaptiveExecution;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No exchange where the rows are already hashed as a join or an aggregation needs (Spark's
 * EnsureRequirements), and adaptive execution reading all shuffles a stage zips alike.
 */
class CoPartitionedPlanningTest {
    private EmberSession ember;

    @BeforeEach
    void start() {
        ember = EmberSession.builder().master("local[2]").config("ember.sql.autoBroadcastJoinThreshold", -1L).getOrCreate();
        ember.conf().set("spark.sql.shuffle.partitions", "8");
        ember.range(0, 2_000, 1, 4).selectExpr("id % 300 AS k", "id AS v").createOrReplaceTempView("fact");
        ember.range(0, 400, 1, 2).selectExpr("id AS k", "id * 2 AS w").createOrReplaceTempView("dim");
    }

    @AfterEach
    void stop() {
        ember.stop();
    }

    private String plan(DataFrame frame) {
        return ember.physicalPlan(frame.logicalPlan()).treeString();
    }

    private static int exchanges(String plan) {
        return plan.split("Exchange hashpartitioning", -1).length - 1;
    }

    private static List<String> sorted(DataFrame frame) {
        return frame.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** The rows with and without adaptive execution, which must agree. */
    private List<String> rows(DataFrame frame) {
        List<String> adaptive = sorted(frame);
        ember.conf().set("spark.sql.adaptive.enabled", "false");
        try {
            assertThat(sorted(frame)).isEqualTo(adaptive);
        } finally {
            ember.conf().unset("spark.sql.adaptive.enabled");
        }
        return adaptive;
    }

    @Test
    void semiJoinThenAntiJoinOnTheSameKeyShuffleEachInputOnce() {
        DataFrame frame = ember.sql("SELECT f.k, f.v FROM fact f LEFT SEMI JOIN dim d ON f.k = d.k AND d.w % 4 = 0"
                + " LEFT ANTI JOIN (SELECT * FROM fact WHERE v < 100) e ON f.k = e.k");
        assertThat(exchanges(plan(frame))).isEqualTo(3);
        // Even keys (w = 2k divisible by 4) but those of v < 100 (0..99): 50 keys of 7 rows (k < 200), 50 of 6.
        assertThat(rows(frame)).hasSize(650);
        assertThat(frame.filter("k < 100 OR k % 2 = 1").count()).isZero();

        AdaptiveExecution.Result result = ember.execute(ember.physicalPlan(frame.logicalPlan()));
        // The three shuffles the stage zips are coalesced alike.
        Matcher reads = Pattern.compile("AQEShuffleRead coalesced \\((\\d+) of 8 partitions\\)").matcher(result.finalPlan().treeString());
        List<String> counts = reads.results().map(m -> m.group(1)).toList();
        assertThat(counts).hasSize(3).containsOnly(counts.get(0));
    }

    @Test
    void aGroupedDistinctAggregateShufflesOnceByTheGroupingKeys() {
        DataFrame grouped = ember.sql("SELECT k % 7 AS g, count(DISTINCT v % 50) AS d, sum(v) AS s FROM fact GROUP BY k % 7");
        String plan = plan(grouped);
        assertThat(exchanges(plan)).as(plan).isEqualTo(1);
        assertThat(plan).contains("Exchange hashpartitioning([(k % 7)], ", "HashAggregate(complete");
        java.util.function.Supplier<java.util.stream.LongStream> groupZero = () -> java.util.stream.LongStream.range(0, 2_000).filter(v -> v % 300 % 7 == 0);
        assertThat(rows(grouped)).hasSize(7)
                .contains("[0," + groupZero.get().map(v -> v % 50).distinct().count() + "," + groupZero.get().sum() + "]");
        // Without grouping keys the rows are hashed by the DISTINCT arguments too, not gathered in one task first.
        String global = plan(ember.sql("SELECT count(DISTINCT v % 50) AS d FROM fact"));
        assertThat(global).contains("Exchange hashpartitioning([(v % 50)], ");
        assertThat(rows(ember.sql("SELECT count(DISTINCT v % 50) AS d FROM fact"))).containsExactly("[50]");
    }

    @Test
    void aggregationByTheJoinKeyIsNotShuffledAgain() {
        DataFrame frame = ember.sql("SELECT d.k, count(*) AS n, sum(f.v) AS s FROM fact f JOIN dim d ON f.k = d.k GROUP BY d.k");
        String plan = plan(frame);
        assertThat(exchanges(plan)).as(plan).isEqualTo(2);
        assertThat(plan).contains("HashAggregate(complete");
        List<String> rows = rows(frame);
        assertThat(rows).hasSize(300).contains("[7,7," + (7 * 7 + 300 * (0 + 1 + 2 + 3 + 4 + 5 + 6)) + "]");
    }

    @Test
    void joinOfAGroupedResultOnItsKeysShufflesOnlyTheOtherSide() {
        DataFrame frame = ember.sql("SELECT g.k, g.n, d.w FROM (SELECT k, count(*) AS n FROM fact GROUP BY k) g"
                + " JOIN (SELECT w, max(k) AS k FROM dim GROUP BY w) d ON g.k = d.k");
        // Both aggregations shuffle, then only the side grouped by another column is shuffled by the join key.
        assertThat(exchanges(plan(frame))).isEqualTo(3);
        assertThat(rows(frame)).hasSize(300).contains("[7,7,14]");
    }

    @Test
    void sidesHashedIntoDifferentCountsAreNotJoinedAsThey() {
        DataFrame left = ember.table("fact").repartition(3, functions.col("k"));
        DataFrame right = ember.table("dim").repartition(5, functions.col("k"));
        DataFrame frame = left.join(right, left.col("k").equalTo(right.col("k")));
        String plan = plan(frame);
        // The left side keeps its 3 partitions; the right side is hashed again into as many.
        assertThat(exchanges(plan)).as(plan).isEqualTo(3);
        assertThat(plan).contains("hashpartitioning([k", "3) [shuffle");
        assertThat(rows(frame)).hasSize(2_000);
    }
}
