package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.events.EmberEvent;
import dev.ember.exec.AdaptiveSparkPlanExec;
import dev.ember.exec.CanonicalPlan;
import dev.ember.exec.FilterExec;
import dev.ember.exec.LocalTableScanExec;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.CoinFlip;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Equal exchanges of a query (its scalar subqueries included) are computed once. */
class ExchangeReuseTest {
    private EmberSession ember;
    private final List<String> mapStages = new ArrayList<>();

    @BeforeEach
    void start() {
        ember = EmberSession.builder().master("local[2]").config("ember.ui.enabled", false)
                .config("ember.sql.autoBroadcastJoinThreshold", -1L).getOrCreate();
        ember.addListener(event -> {
            if (event instanceof EmberEvent.StageSubmitted stage && stage.name().startsWith("map stage")) {
                synchronized (mapStages) {
                    mapStages.add(stage.name());
                }
            }
        });
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW t AS SELECT id % 5 AS k, id AS v FROM range(0, 100, 1, 4)");
        // Two views of the same text: the same computation over attributes of other ids.
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW a AS SELECT k, sum(v) AS s FROM t WHERE v > 1 GROUP BY k");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW b AS SELECT k, sum(v) AS s FROM t WHERE v > 1 GROUP BY k");
    }

    @AfterEach
    void stop() {
        ember.stop();
    }

    private ShuffleExchangeExec firstExchange(String sql) {
        PhysicalPlan plan = ember.physicalPlanWithoutRunning(ember.sql(sql).logicalPlan());
        return find(plan instanceof AdaptiveSparkPlanExec adaptive ? adaptive.children().get(0) : plan);
    }

    private static ShuffleExchangeExec find(PhysicalPlan node) {
        if (node instanceof ShuffleExchangeExec exchange) {
            return exchange;
        }
        return node.children().stream().map(ExchangeReuseTest::find).filter(e -> e != null).findFirst().orElse(null);
    }

    private static Object key(ShuffleExchangeExec exchange) {
        return CanonicalPlan.of(exchange).orElseThrow();
    }

    @Test
    void equalSubtreesWithOtherAttributeIdsHaveEqualKeys() {
        ShuffleExchangeExec a = firstExchange("SELECT * FROM a");
        ShuffleExchangeExec b = firstExchange("SELECT * FROM b");
        assertThat(a.output().get(0).exprId()).isNotEqualTo(b.output().get(0).exprId());
        assertThat(a.shuffleId()).isNotEqualTo(b.shuffleId());
        assertThat(key(a)).isEqualTo(key(b));
    }

    @Test
    void exchangesOverEqualExchangesHaveEqualKeysEachNestedOneWalkedOnce() {
        String outer = "SELECT s, count(*) FROM (SELECT k, sum(v) AS s FROM t WHERE v > %d GROUP BY k) x GROUP BY s";
        ShuffleExchangeExec a = firstExchange(outer.formatted(1));
        ShuffleExchangeExec b = firstExchange(outer.formatted(1));
        ShuffleExchangeExec nested = find(a.child());
        assertThat(nested).isNotNull();
        assertThat(a.output().get(0).exprId()).isNotEqualTo(b.output().get(0).exprId());
        assertThat(key(a)).isEqualTo(key(b));
        assertThat(key(firstExchange(outer.formatted(2)))).isNotEqualTo(key(a));

        CanonicalPlan.ExchangeKeys keys = new CanonicalPlan.ExchangeKeys();
        Optional<Object> outerKey = keys.of(a);
        assertThat(outerKey).contains(key(a));
        assertThat(keys.of(nested).orElseThrow()).isSameAs(keys.of(nested).orElseThrow()).isEqualTo(key(nested));
    }

    @Test
    void mapsWithNullValuesHaveKeys() {
        String sql = "SELECT m, count(*) FROM VALUES (map(1, 'a', 2, NULL), 1), (map(3, 'c'), 2) AS v(m, n) GROUP BY m";
        assertThat(key(firstExchange(sql))).isEqualTo(key(firstExchange(sql)));
        assertThat(ember.sql(sql).collectAsList()).hasSize(2);
    }

    @Test
    void otherFiltersLiteralsOrAggregatesAreNotEqual() {
        Object key = key(firstExchange("SELECT k, sum(v) FROM t WHERE v > 1 GROUP BY k"));
        assertThat(key(firstExchange("SELECT k, sum(v) FROM t WHERE v > 2 GROUP BY k"))).isNotEqualTo(key);
        assertThat(key(firstExchange("SELECT k, sum(v) FROM t WHERE v >= 1 GROUP BY k"))).isNotEqualTo(key);
        assertThat(key(firstExchange("SELECT k, max(v) FROM t WHERE v > 1 GROUP BY k"))).isNotEqualTo(key);
        assertThat(key(firstExchange("SELECT k, sum(v) FROM t WHERE v > 1 GROUP BY k"))).isEqualTo(key);
    }

    @Test
    void nondeterministicSubtreesHaveNoKey() {
        AttributeReference a = AttributeReference.create("a", AtomicType.LONG, false);
        PhysicalPlan scan = new LocalTableScanExec(List.of(a), List.of(List.of(1L), List.of(2L)), 1);
        Expression random = new CoinFlip();
        assertThat(CanonicalPlan.of(new ShuffleExchangeExec(1, List.of(a), 2, true, new FilterExec(new Literal(true, AtomicType.BOOLEAN), scan))))
                .isPresent();
        assertThat(CanonicalPlan.of(new ShuffleExchangeExec(1, List.of(a), 2, true, new FilterExec(random, scan)))).isEqualTo(Optional.empty());
    }

    @Test
    void aSelfJoinOfAnAggregateReadsItOnce() {
        String sql = "SELECT x.k, x.s, y.s FROM a x JOIN a y ON x.k = y.k";
        assertThat(ember.sql(sql).explainString(false)).containsOnlyOnce("ReusedExchange").contains("ReusedExchange [k#");
        List<Row> rows = ember.sql(sql).collectAsList();
        assertThat(rows).hasSize(5);
        assertThat(mapStagesRun()).isEqualTo(1);
    }

    @Test
    void aScalarSubqueryOverTheMainQuerysAggregateSharesItsStage() {
        String sql = "SELECT k, s FROM a WHERE s = (SELECT max(s) FROM a)";
        assertThat(ember.sql(sql).explainString(false)).contains("ReusedExchange");
        List<Row> rows = ember.sql(sql).collectAsList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getLong(0)).isEqualTo(4L);
        // The subquery's aggregation exchange and its max's; the main query runs no map stage of its own.
        assertThat(mapStagesRun()).isEqualTo(2);
        // Run again (its outputs freed after the first run): the same answer.
        assertThat(ember.sql(sql).collectAsList()).isEqualTo(rows);
    }

    @Test
    void withoutAdaptiveExecutionTheStageIsSharedToo() {
        ember.conf().set("spark.sql.adaptive.enabled", "false");
        List<Row> rows = ember.sql("SELECT k, s FROM a WHERE s = (SELECT max(s) FROM b)").collectAsList();
        assertThat(rows).hasSize(1);
        assertThat(mapStagesRun()).isEqualTo(2);
    }

    @Test
    void twoSubqueriesOverTheSameAggregateShareItsStage() {
        List<Row> rows = ember.sql("SELECT (SELECT max(s) FROM a) - (SELECT min(s) FROM b) AS d").collectAsList();
        assertThat(rows.get(0).getLong(0)).isEqualTo(80L);
        // The aggregation once, then each subquery's own exchange into one partition.
        assertThat(mapStagesRun()).isEqualTo(3);
    }

    private int mapStagesRun() {
        assertThat(ember.events().waitUntilEmpty(10_000)).isTrue();
        synchronized (mapStages) {
            return mapStages.size();
        }
    }
}
