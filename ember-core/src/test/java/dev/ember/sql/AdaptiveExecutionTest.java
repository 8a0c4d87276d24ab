package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aJoinAnAggregationReliesOnIsNeitherSplitNorLeftUnshuffled() {
        ember.conf().set("spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes", "1k");
        ember.conf().set("spark.sql.adaptive.advisoryPartitionSizeInBytes", "16k");
        ember.conf().set("spark.sql.shuffle.partitions", "8");
        String skewed = "SELECT f.k, count(*) AS n, sum(d.w) AS s FROM fact f JOIN dim d ON f.k = d.k GROUP BY f.k";
        assertThat(execute(skewed).finalPlan().treeString()).doesNotContain("skewed").containsOnlyOnce("HashAggregate");
        assertThat(adaptiveRows(skewed)).isEqualTo(withoutAdaptive(skewed)).contains("[0,16000,0]");

        ember.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "10m");
        String broadcast = "SELECT f.k, count(*) AS n FROM fact f JOIN (SELECT * FROM dim WHERE w < 100) d ON f.k = d.k GROUP BY f.k";
        // The right side turned out small, but the fact table is still hashed by the key the aggregation groups by.
        assertThat(execute(broadcast).finalPlan().treeString()).contains("broadcast right", "AQEShuffleRead coalesced")
                .containsOnlyOnce("HashAggregate");
        assertThat(adaptiveRows(broadcast)).isEqualTo(withoutAdaptive(broadcast)).hasSize(11).contains("[0,16000]");
    }

    @Test
    void userPartitionCountIsKeptWithoutAdaptiveExecution() {
        ember.conf().set("spark.sql.adaptive.enabled", "false");
        ember.conf().set("spark.sql.shuffle.partitions", "5");
        assertThat(ember.sql("SELECT k, count(*) FROM fact GROUP BY k").rdd().getNumPartitions()).isEqualTo(5);
    }
}
