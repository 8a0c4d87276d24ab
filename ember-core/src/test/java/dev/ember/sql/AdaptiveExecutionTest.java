package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.exec.HashJoinExec;
import dev.ember.exec.PhysicalPlan;
import dev.ember.expr.AttributeReference;
import dev.ember.planner.AdaptiveExecution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adaptive execution with tiny thresholds, so that each rewrite happens on tiny data: the final
 * plan shows it, and the answers are those of the same query run without adaptive execution.
 */
class AdaptiveExecutionTest {
    private EmberSession ember;

    @BeforeEach
    void start() {
        ember = EmberSession.builder().master("local[2]").config("ember.sql.autoBroadcastJoinThreshold", -1L).getOrCreate();
        // A fact table whose key 0 holds most rows, and a dimension of every key.
        ember.range(0, 20_000, 1, 8).selectExpr("CASE WHEN id % 10 < 8 THEN 0 ELSE id END AS k", "id AS v").createOrReplaceTempView("fact");
        ember.range(0, 20_000, 1, 4).selectExpr("id AS k", "id * 2 AS w").createOrReplaceTempView("dim");
    }

    @AfterEach
    void stop() {
        ember.stop();
    }

    private AdaptiveExecution.Result execute(String sql) {
        DataFrame frame = ember.sql(sql);
        return ember.execute(ember.physicalPlan(frame.logicalPlan()));
    }

    /** The query's rows, sorted, without adaptive execution. */
    private List<String> withoutAdaptive(String sql) {
        ember.conf().set("spark.sql.adaptive.enabled", "false");
        try {
            return sorted(ember.sql(sql).collectAsList());
        } finally {
            ember.conf().unset("spark.sql.adaptive.enabled");
        }
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().toList();
    }

    private List<String> adaptiveRows(String sql) {
        return sorted(ember.sql(sql).collectAsList());
    }

    @Test
    void explainShowsTheAdaptivePlan() {
        String plan = ember.sql("SELECT k, count(*) FROM fact GROUP BY k").explainString(false);
        assertThat(plan).contains("AdaptiveSparkPlan isFinalPlan=false");
    }

    @Test
    void coalescesSmallPartitions() {
        ember.conf().set("spark.sql.shuffle.partitions", "50");
        String sql = "SELECT k % 7 AS g, count(*) AS n, sum(v) AS s FROM fact GROUP BY k % 7";
        AdaptiveExecution.Result result = execute(sql);
        assertThat(result.finalPlan().treeString()).contains("AdaptiveSparkPlan isFinalPlan=true", "AQEShuffleRead coalesced (1 of 50 partitions)");
        assertThat(result.partitions()).hasSize(1);
        assertThat(adaptiveRows(sql)).isEqualTo(withoutAdaptive(sql)).hasSize(7);
    }

    @Test
    void smallSideBecomesBroadcast() {
        ember.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m");
        String sql = "SELECT f.k, f.v, d.w FROM fact f LEFT JOIN (SELECT * FROM dim WHERE w < 100) d ON f.k = d.k";
        AdaptiveExecution.Result result = execute(sql);
        // The small side ran first, so the fact table is not shuffled at all.
        assertThat(result.finalPlan().treeString()).contains("broadcast right", "AQEShuffleRead local")
                .containsOnlyOnce("Exchange hashpartitioning");
        assertThat(adaptiveRows(sql)).isEqualTo(withoutAdaptive(sql)).hasSize(20_000);
    }

    @Test
    void anInnerJoinBuildsOnTheSideOfFewerEstimatedRowsWhichRunsFirstAndIsBroadcastWhenSmall() {
        ember.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m");
        ember.range(0, 5_000, 1, 4).selectExpr("id AS k", "id * 3 AS u").createOrReplaceTempView("small_dim");
        // By bytes a filter keeps half the fact table, more than the 5k dimension rows; by its selectivity a tenth:
        // the filtered fact rows are built on, turn out small and are broadcast, and the dimension is not shuffled.
        String sql = "SELECT f.k, f.v, s.u FROM (SELECT * FROM fact WHERE v % 7 = 3) f JOIN small_dim s ON f.k = s.k";
        assertThat(execute(sql).finalPlan().treeString()).contains("broadcast right", "AQEShuffleRead local")
                .containsPattern("AQEShuffleRead local.*\n.*Exchange hashpartitioning.*\n(.*\n)*.*% 7\\) = 3")
                .containsOnlyOnce("Exchange hashpartitioning");
        assertThat(adaptiveRows(sql)).isEqualTo(withoutAdaptive(sql)).hasSize(2428);
    }

    @Test
    void anInnerJoinBuildsOnTheSideWhoseHashTableTurnsOutSmallerCountingItsRows() {
        // 2k wide rows take more bytes than dim's 20k narrow ones, but their table less memory: it is built on them.
        String sql = "SELECT p.k, p.pad, d.w FROM (SELECT k, repeat('x', 300) AS pad FROM dim WHERE k % 10 = 0) p JOIN dim d ON p.k = d.k";
        HashJoinExec join = firstJoin(execute(sql).finalPlan());
        assertThat(join.children().get(1).output()).extracting(AttributeReference::name).contains("pad");
        assertThat(join.children().get(0).output()).extracting(AttributeReference::name).contains("w");
        assertThat(adaptiveRows(sql)).isEqualTo(withoutAdaptive(sql)).hasSize(2_000);
    }

    private static HashJoinExec firstJoin(PhysicalPlan plan) {
        return plan instanceof HashJoinExec join ? join
                : plan.children().stream().map(AdaptiveExecutionTest::firstJoin).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @Test
    void outerJoinBuildsOnTheSmallerSide() {
        String small = "(SELECT * FROM dim WHERE k % 50 IN (0, 9))";
        // The preserved side turned out the smaller one: the join swaps its sides, left outer becoming right outer and the reverse.
        Map<String, String> swappedTo = Map.of(
                "SELECT d.k, d.w, f.v FROM " + small + " d LEFT JOIN fact f ON d.k = f.k AND f.v % 3 <> d.w % 3", "HashJoin RightOuter",
                "SELECT d.k, d.w, f.v FROM " + small + " d RIGHT JOIN fact f ON d.k = f.k AND f.v % 3 <> d.w % 3", "HashJoin LeftOuter");
        swappedTo.forEach((sql, swapped) -> {
            assertThat(execute(sql).finalPlan().treeString()).as(sql).contains(swapped);
            assertThat(adaptiveRows(sql)).as(sql).isEqualTo(withoutAdaptive(sql)).anyMatch(row -> row.contains("null"));
        });
    }

    @Test
    void semiAndAntiJoinsBuildOnTheSmallerPreservedSide() {
        String small = "(SELECT * FROM dim WHERE k % 50 IN (0, 9))";
        String residual = " AND f.v % 3 <> d.w % 3";
        // The preserved side turned out the smaller one: it is built, the fact rows probe it and mark the rows they match.
        Map<String, String> swappedTo = Map.of(
                "SELECT d.k, d.w FROM " + small + " d WHERE EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k" + residual + ")", "HashJoin RightSemi",
                "SELECT d.k, d.w FROM " + small + " d WHERE NOT EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k" + residual + ")", "HashJoin RightAnti",
                "SELECT d.k, d.w FROM " + small + " d WHERE d.k IN (SELECT k FROM fact)", "HashJoin RightSemi",
                "SELECT d.k, d.w FROM " + small + " d WHERE d.k NOT IN (SELECT k FROM fact f WHERE f.v % 3 = d.w % 3)", "HashJoin RightAnti");
        swappedTo.forEach((sql, swapped) -> {
            assertThat(execute(sql).finalPlan().treeString()).as(sql).contains(swapped).doesNotContain("LeftSemi", "LeftAnti");
        });
        // fact's keys: 0 (80% of its rows), else the ids whose last digit is 8 or 9, so each of those once.
        List<String> semi = sorted(ember.sql("SELECT d.k, d.w FROM " + small + " d WHERE EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k"
                + residual + ")").collectAsList());
        // d.w is even: key 0 matches fact rows of every v; a key k > 0 matches only v = k, which passes when k % 3 <> 2k % 3, i.e. k % 3 <> 0.
        List<String> expected = java.util.stream.LongStream.range(0, 20_000)
                .filter(k -> (k % 50 == 0 || k % 50 == 9) && (k == 0 || k % 10 >= 8 && k % 3 != 0))
                .mapToObj(k -> "[" + k + "," + 2 * k + "]").sorted().toList();
        assertThat(semi).isEqualTo(expected).hasSizeGreaterThan(10);
        List<String> all = sorted(ember.sql("SELECT * FROM " + small).collectAsList());
        List<String> anti = adaptiveRows("SELECT d.k, d.w FROM " + small + " d WHERE NOT EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k" + residual + ")");
        assertThat(anti).hasSize(all.size() - semi.size()).doesNotContainAnyElementsOf(semi);
        swappedTo.keySet().forEach(sql -> assertThat(adaptiveRows(sql)).as(sql).isEqualTo(withoutAdaptive(sql)));

        // Without adaptive execution the planner swaps by its estimates: the filtered dimension is estimated smaller.
        ember.conf().set("spark.sql.adaptive.enabled", "false");
        String estimated = "SELECT d.k, d.w FROM " + small + " d WHERE EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k" + residual + ")";
        assertThat(ember.sql(estimated).explainString(false)).contains("HashJoin RightSemi");
        assertThat(sorted(ember.sql(estimated).collectAsList())).isEqualTo(expected);
        ember.conf().unset("spark.sql.adaptive.enabled");
        String larger = "SELECT f.k, f.v FROM fact f WHERE EXISTS (SELECT 1 FROM " + small + " d WHERE f.k = d.k)";
        assertThat(execute(larger).finalPlan().treeString()).contains("HashJoin LeftSemi");
    }

    @Test
    void aSmallPreservedSideFiltersTheOtherSideByItsKeysBeforeItsExchange() {
        ember.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
        ember.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m");
        String small = "(SELECT * FROM dim WHERE k % 50 IN (0, 9))";
        // The preserved side is estimated the smaller one, so it is built and runs first: the fact rows
        // are then filtered by its keys (read from its finished shuffle) and only those are shuffled.
        List<String> queries = List.of(
                "SELECT d.k, d.w FROM " + small + " d WHERE EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k AND f.v % 3 <> d.w % 3)",
                "SELECT d.k, d.w FROM " + small + " d WHERE NOT EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k AND f.v % 3 <> d.w % 3)",
                "SELECT d.k, d.w FROM " + small + " d WHERE d.k NOT IN (SELECT k FROM fact)",
                "SELECT k FROM " + small + " INTERSECT SELECT k FROM fact");
        for (String sql : queries) {
            String plan = execute(sql).finalPlan().treeString();
            assertThat(plan).as(sql).containsPattern("Exchange hashpartitioning[^\\n]*\\n([ :]*\\+- Project[^\\n]*\\n)*[ :]*\\+- Filter [^\\n]*k IN keys\\(k\\) of shuffle");
            assertThat(adaptiveRows(sql)).as(sql).isEqualTo(withoutAdaptive(sql)).isNotEmpty();
        }
        // A key a projection passes on is probed in the filter below it, on the rows the filter's own conditions keep.
        ember.range(0, 80_000, 1, 8).selectExpr("id AS v", "id % 3 AS m").createOrReplaceTempView("big");
        String conjunct = "SELECT d.k, d.w FROM " + small + " d WHERE EXISTS (SELECT 1 FROM big b WHERE b.v = d.k AND b.m <> 2)";
        assertThat(execute(conjunct).finalPlan().treeString()).containsPattern("Filter \\(\\(NOT \\(\\(id % 3\\) = 2\\)\\) AND id IN keys\\(k\\) of shuffle \\d+\\)");
        assertThat(adaptiveRows(conjunct)).isEqualTo(withoutAdaptive(conjunct)).isNotEmpty();
        // q21's shape, planned without broadcasts: the semi join's left side runs first, and its keys filter the
        // right sides of both the semi join and the anti join above it on the same keys (filtered apart, not one reused exchange).
        ember.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        String chain = "SELECT f.k, f.v FROM (SELECT * FROM fact WHERE v % 1000 = 9) f"
                + " WHERE EXISTS (SELECT 1 FROM dim d WHERE d.k = f.k AND d.w > 0 AND d.w <> f.v)"
                + " AND NOT EXISTS (SELECT 1 FROM dim e WHERE e.k = f.k AND e.w > 1 AND e.w < f.v)";
        String plan = execute(chain).finalPlan().treeString();
        assertThat(plan).contains("HashJoin LeftAnti").doesNotContain("RightAnti");
        assertThat(plan.split(" IN keys", -1)).hasSize(3);
        assertThat(adaptiveRows(chain)).isEqualTo(withoutAdaptive(chain)).hasSize(20);
    }

    @Test
    void aSwappedSemiJoinChecksTheCandidatesOfAKeyWithManyRowsOnBothSidesInRounds() {
        // 800 build rows and 16,000 probe rows of key 0: far more candidate pairs than one round checks.
        String small = "(SELECT k, v FROM fact WHERE k = 0 AND v < 1000)";
        String condition = "f.k = s.k AND f.v BETWEEN s.v * 25 AND s.v * 25 + 1";
        String semi = "SELECT s.v FROM " + small + " s WHERE EXISTS (SELECT 1 FROM fact f WHERE " + condition + ")";
        String anti = "SELECT s.v FROM " + small + " s WHERE NOT EXISTS (SELECT 1 FROM fact f WHERE " + condition + ")";
        assertThat(execute(semi).finalPlan().treeString()).contains("HashJoin RightSemi");
        assertThat(execute(anti).finalPlan().treeString()).contains("HashJoin RightAnti");
        // s.v * 25 ends in 0 or 5, so it is a v of key 0 whenever it is below 20,000: s.v < 800 (and s.v * 25 + 1 adds none).
        List<String> matching = java.util.stream.LongStream.range(0, 800).filter(v -> v % 10 < 8).mapToObj(v -> "[" + v + "]").sorted().toList();
        assertThat(adaptiveRows(semi)).isEqualTo(matching).hasSize(640);
        assertThat(adaptiveRows(anti)).hasSize(160).doesNotContainAnyElementsOf(matching);
    }

    @Test
    void aSemiJoinBelowAnAntiJoinOnTheSameKeysBuildsOnItsPreservedSide() {
        // q21's shape: the anti join reads the semi join's partitions together with its own right side's shuffle.
        String sql = "SELECT d.k, d.w FROM (SELECT * FROM dim WHERE k % 50 IN (0, 9)) d"
                + " WHERE EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k AND f.v <> d.w)"
                + " AND NOT EXISTS (SELECT 1 FROM fact g WHERE g.k = d.k AND g.v < d.w)";
        // The anti join's left side is the semi join's output, of no known size: it keeps building on its right side.
        assertThat(execute(sql).finalPlan().treeString()).contains("HashJoin RightSemi", "HashJoin LeftAnti");
        assertThat(adaptiveRows(sql)).isEqualTo(withoutAdaptive(sql)).isNotEmpty();
    }

    @Test
    void aSemiJoinAnAggregationReliesOnStillBuildsOnItsPreservedSide() {
        // The swapped join's rows stay in the partitions of its keys: the aggregation above by the key needs no exchange.
        String sql = "SELECT d.k % 7 AS g, count(*) AS n FROM (SELECT k FROM dim WHERE k % 50 IN (0, 9) UNION ALL SELECT k FROM dim WHERE k < 3) d"
                + " WHERE EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k) GROUP BY d.k % 7";
        String keyed = "SELECT d.k, count(*) AS n FROM (SELECT k FROM dim WHERE k % 50 IN (0, 9) UNION ALL SELECT k FROM dim WHERE k < 3) d"
                + " WHERE EXISTS (SELECT 1 FROM fact f WHERE f.k = d.k) GROUP BY d.k";
        String plan = execute(keyed).finalPlan().treeString();
        assertThat(plan).contains("HashJoin RightSemi").containsOnlyOnce("HashAggregate");
        assertThat(adaptiveRows(keyed)).isEqualTo(withoutAdaptive(keyed)).contains("[0,2]");
        assertThat(adaptiveRows(sql)).isEqualTo(withoutAdaptive(sql));
    }

    @Test
    void splitsASkewedPartition() {
        ember.conf().set("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "1k");
        ember.conf().set("spark.sql.adaptive.advisoryPartitionSizeInBytes", "16k");
        ember.conf().set("spark.sql.shuffle.partitions", "8");
        for (String type : List.of("INNER", "LEFT OUTER", "LEFT SEMI", "LEFT ANTI", "RIGHT OUTER", "FULL OUTER")) {
            String columns = type.startsWith("LEFT S") || type.startsWith("LEFT A") ? "f.k, f.v" : "f.k, f.v, d.w";
            String sql = "SELECT " + columns + " FROM fact f " + type + " JOIN (SELECT * FROM dim WHERE k % 3 <> 1) d ON f.k = d.k";
            AdaptiveExecution.Result result = execute(sql);
            boolean splittable = !type.equals("FULL OUTER") && !type.equals("RIGHT OUTER");
            assertThat(result.finalPlan().treeString()).as(type).satisfies(plan -> {
                if (splittable) {
                    assertThat(plan).contains("coalesced and skewed");
                } else {
                    assertThat(plan).doesNotContain("skewed");
                }
            });
            assertThat(adaptiveRows(sql)).as(type).isEqualTo(withoutAdaptive(sql));
        }
    }

    @Test
    void aJoinAnAggregationReliesOnIsNotSplitBySkew() {
        ember.conf().set("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "1k");
        ember.conf().set("spark.sql.adaptive.advisoryPartitionSizeInBytes", "16k");
        ember.conf().set("spark.sql.shuffle.partitions", "8");
        String skewed = "SELECT f.k, count(*) AS n, sum(d.w) AS s FROM fact f JOIN dim d ON f.k = d.k GROUP BY f.k";
        assertThat(execute(skewed).finalPlan().treeString()).doesNotContain("skewed").containsOnlyOnce("HashAggregate");
        assertThat(adaptiveRows(skewed)).isEqualTo(withoutAdaptive(skewed)).contains("[0,16000,0]");
    }

    @Test
    void anAggregationOverAJoinTurnedBroadcastIsSplitAroundAnExchangeOfItsKeys() {
        ember.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m");
        String broadcast = "SELECT f.k, count(*) AS n FROM fact f JOIN (SELECT * FROM dim WHERE w < 100) d ON f.k = d.k GROUP BY f.k";
        // Planned complete over the join's partitions; the right side turned out small: the fact table is read where it is,
        // and the aggregation runs partial, then final after an exchange of its groups.
        assertThat(execute(broadcast).finalPlan().treeString()).contains("AQEShuffleRead local", "HashAggregate(final")
                .containsPattern("HashAggregate\\(partial.*\n.*HashJoin Inner.*broadcast right\n.*Project.*\n.*Project.*\n.*Range")
                .doesNotContain("HashAggregate(complete");
        assertThat(adaptiveRows(broadcast)).isEqualTo(withoutAdaptive(broadcast)).hasSize(11).contains("[0,16000]");

        // The inner aggregation's split regroups its rows by both its keys: the outer one, by one of them, is split too.
        String nested = "SELECT k, count(*) AS groups, sum(n) AS n FROM (" + broadcast.replace("GROUP BY f.k", "GROUP BY f.k, f.v % 3")
                .replace("SELECT f.k,", "SELECT f.k, f.v % 3 AS r,") + ") GROUP BY k";
        assertThat(execute(nested).finalPlan().treeString()).doesNotContain("HashAggregate(complete");
        assertThat(adaptiveRows(nested)).isEqualTo(withoutAdaptive(nested)).hasSize(11).contains("[0,3,16000]");
    }

    @Test
    void aBuildSideSemiJoinedWithTheGroupsAHavingKeepsIsExchangedRunsFirstAndIsBroadcastWhenSmall() {
        ember.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m");
        ember.range(0, 80_000, 1, 8).selectExpr("id % 20000 AS k", "id AS v").createOrReplaceTempView("big");
        // TPC-H Q18's shape: only key 0 has more than one fact row, so the dimension keeps one row, known only once it ran.
        String sql = "SELECT b.k, b.v, d.w FROM big b JOIN (SELECT * FROM dim WHERE k IN (SELECT k FROM fact GROUP BY k HAVING count(*) > 1)) d"
                + " ON b.k = d.k";
        String plan = execute(sql).finalPlan().treeString();
        // Both joins broadcast their finished right sides; neither big nor dim is shuffled.
        assertThat(plan).containsPattern("HashJoin Inner.*broadcast right\n(.*Project.*\n)*.*Range")
                .containsPattern("HashJoin LeftSemi.*broadcast right\n(.*Project.*\n)*.*Range");
        assertThat(adaptiveRows(sql)).isEqualTo(withoutAdaptive(sql)).hasSize(4);

        // A dimension semi-joined with many keys exceeds the threshold: its exchange is joined shuffled.
        ember.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "1k");
        String many = sql.replace("count(*) > 1", "count(*) >= 1");
        assertThat(execute(many).finalPlan().treeString()).doesNotContain("broadcast right");
        assertThat(adaptiveRows(many)).isEqualTo(withoutAdaptive(many)).hasSize(16_004);
    }

    @Test
    void userPartitionCountIsKeptWithoutAdaptiveExecution() {
        ember.conf().set("spark.sql.adaptive.enabled", "false");
        ember.conf().set("spark.sql.shuffle.partitions", "5");
        assertThat(ember.sql("SELECT k, count(*) FROM fact GROUP BY k").rdd().getNumPartitions()).isEqualTo(5);
    }
}
