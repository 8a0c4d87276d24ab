package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.events.SqlMetric;
import dev.ember.events.SqlPlanNode;
import dev.ember.exec.OperatorMetric;
import dev.ember.exec.Operator;
import dev.ember.exec.PlanMetrics;
import dev.ember.exec.RangeExec;
import dev.ember.expr.AttributeReference;
import dev.ember.memory.MemoryManager;
import dev.ember.scheduler.DagScheduler;
import dev.ember.scheduler.LocalTaskBackend;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.Batch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-operator metrics: exact row counts through a filter, a join and an aggregation, spills, retries, EXPLAIN ANALYZE. */
class OperatorMetricsTest {
    private static EmberSession session;

    @BeforeAll
    static void start() {
        session = EmberSession.builder().master("local[2]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    private static SqlPlanNode measured(EmberSession on, String query) {
        DataFrame frame = on.sql(query);
        return on.runMeasured(on.physicalPlan(frame.logicalPlan()), query).plan();
    }

    private static List<SqlPlanNode> named(SqlPlanNode plan, String prefix) {
        return plan.nodes().stream().filter(node -> node.name().startsWith(prefix)).toList();
    }

    private static long metric(SqlPlanNode node, String name) {
        Optional<SqlMetric> metric = node.metrics().stream().filter(m -> m.name().equals(name)).findFirst();
        return metric.map(SqlMetric::value).orElse(0L);
    }

    private static long rows(SqlPlanNode node) {
        return metric(node, "number of output rows");
    }

    @Test
    void rowsAreCountedPerOperatorThroughFilterJoinAndAggregation() {
        // 100 ids in 2 partitions, 40 pass the filter, 40 find their one match among 50, 5 groups of 8.
        SqlPlanNode plan = measured(session, """
                SELECT a.id % 5 AS k, count(*) AS c
                FROM range(0, 100, 1, 2) a JOIN range(0, 50, 1, 2) b ON a.id = b.id
                WHERE a.id < 40 GROUP BY a.id % 5""");
        assertThat(plan.name()).isEqualTo("AdaptiveSparkPlan isFinalPlan=true");
        assertThat(plan.metrics()).as("the adaptive root computes nothing").isEmpty();

        List<SqlPlanNode> aggregates = named(plan, "HashAggregate");
        assertThat(aggregates).hasSize(2);
        assertThat(rows(aggregates.get(0))).as("final aggregation").isEqualTo(5);
        assertThat(rows(aggregates.get(1))).as("partial aggregation: at most 5 groups per task").isBetween(5L, 10L);
        SqlPlanNode join = named(plan, "HashJoin").get(0);
        assertThat(rows(join)).isEqualTo(40);
        assertThat(metric(join, "number of build rows")).as("the 2 tasks share one build of the broadcast side of 50 rows").isEqualTo(50);
        SqlPlanNode filter = named(plan, "Filter").stream().filter(node -> node.name().contains("< 40")).findFirst().orElseThrow();
        assertThat(rows(filter)).isEqualTo(40);
        assertThat(rows(named(plan, "Range (0, step=1, count=100").get(0))).isEqualTo(100);
        assertThat(rows(named(plan, "Range (0, step=1, count=50").get(0))).isEqualTo(50);

        SqlPlanNode exchange = named(plan, "Exchange hashpartitioning").get(0);
        assertThat(metric(exchange, "shuffle records written")).as("the map stage below the aggregation, counted with AQE")
                .isEqualTo(rows(aggregates.get(1)));
        assertThat(metric(exchange, "shuffle bytes written")).isPositive();
        assertThat(plan.nodes()).allSatisfy(node -> assertThat(metric(node, "time")).isNotNegative());
        assertThat(plan.nodes().stream().map(SqlPlanNode::nodeId).toList()).as("numbered in pre-order")
                .isEqualTo(java.util.stream.IntStream.range(0, plan.nodes().size()).boxed().toList());
    }

    @Test
    void sortsAndAggregationsThatSpillSayHowMuch(@TempDir Path temp) {
        EmberSession small = SpillTestSessions.session(temp, "8m");
        try {
            SqlPlanNode plan = measured(small, """
                    SELECT id, concat('name-', CAST((id * 31) % 5000 AS STRING)) AS s FROM range(0, 300000, 1, 2) ORDER BY s, id""");
            SqlPlanNode sort = named(plan, "Sort").get(0);
            assertThat(rows(sort)).isEqualTo(300_000);
            assertThat(metric(sort, "spill size")).isPositive();
            assertThat(metric(sort, "number of spills")).isPositive();
            assertThat(metric(sort, "peak memory")).isPositive();
            assertThat(plan.treeString()).containsPattern("Sort .* rows=300,000 time=[0-9.]+ m?s spill=[0-9.]+ [KM]iB \\([0-9,]+ spills?\\) peak=");
        } finally {
            small.stop();
        }
    }

    @Test
    void onlySuccessfulAttemptsCount(@TempDir Path temp) {
        LocalTaskBackend backend = new LocalTaskBackend(2, new MemoryManager(64 << 20, 0.5), temp);
        DagScheduler scheduler = new DagScheduler(backend, 4);
        RangeExec range = new RangeExec(0, 1, 100, 2, AttributeReference.create("id", AtomicType.LONG, false));
        Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
        PlanMetrics metrics = new PlanMetrics();
        try {
            List<Long> rows = metrics.collect(() -> scheduler.runJob(List.of(), 2, (context, partition) -> {
                long count = 0;
                try (Operator operator = range.open(context, partition)) {
                    for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
                        count += batch.rowCount();
                    }
                }
                if (context.attemptNumber() == 0 && failedOnce.add(partition)) {
                    throw new IllegalStateException("injected after reading the partition");
                }
                return count;
            }));
            assertThat(rows).containsExactly(50L, 50L);
            assertThat(failedOnce).hasSize(2);
            assertThat(metrics.of(range).get(OperatorMetric.OUTPUT_ROWS)).as("the failed attempts' rows left out").isEqualTo(100);
        } finally {
            backend.close();
        }
    }

    @Test
    void explainAnalyzeRunsTheQueryAndPrintsTheFinalPlanWithMetrics() {
        String text = session.sql("EXPLAIN ANALYZE SELECT id % 3 AS k, count(*) FROM range(0, 1000, 1, 2) GROUP BY id % 3")
                .collectAsList().get(0).getString(0);
        assertThat(text).startsWith("== Physical Plan ==\nAdaptiveSparkPlan isFinalPlan=true\n");
        assertThat(text).containsPattern("\\+- HashAggregate\\(.*\\) rows=3 time=[0-9.]+ m?s");
        assertThat(text).containsPattern("Range \\(0, step=1, count=1000, splits=2\\) rows=1,000 time=");
        assertThat(text).contains("shuffleWrite=");

        DataFrame frame = session.sql("SELECT id FROM range(0, 10) WHERE id > 6");
        assertThat(frame.explainString("analyze")).containsPattern("Filter .* rows=3 ");
        assertThat(frame.explainString("simple")).isEqualTo(frame.explainString(false)).doesNotContain("rows=");
        assertThat(frame.explainString("EXTENDED")).isEqualTo(frame.explainString(true));
        assertThatThrownBy(() -> frame.explainString("verbose")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown explain mode: verbose");
    }
}
