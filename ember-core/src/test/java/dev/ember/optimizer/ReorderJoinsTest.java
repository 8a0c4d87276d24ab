package dev.ember.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Range;
import dev.ember.sql.EmberSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Join orders chosen for small plans whose sizes are the row counts of ranges. */
class ReorderJoinsTest {
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW fact AS SELECT id AS fk, id % 10 AS dk FROM range(1000)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW dim AS SELECT id AS dk, id % 5 AS nk FROM range(10)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW nat AS SELECT id AS nk, CAST(id AS STRING) AS name FROM range(5)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW other AS SELECT id AS ok FROM range(2000)");
        // Columns unique in no table: id % 5 is a computed column.
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW many AS SELECT id % 5 AS mk FROM range(1200)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW pairs AS SELECT id % 5 AS pk, id AS v FROM range(100)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW cust AS SELECT id AS ck, id % 5 AS cn FROM range(3000)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW sup AS SELECT id AS sk, id % 5 AS sn FROM range(100)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW line AS SELECT id % 3000 AS lc, id % 100 AS ls FROM range(30000)");
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    private static LogicalPlan optimized(String query) {
        return Optimizer.optimize(ember.sql(query).logicalPlan());
    }

    /** The first join in the plan (top down), under projections. */
    private static Join topJoin(LogicalPlan plan) {
        LogicalPlan node = plan;
        while (!(node instanceof Join)) {
            node = node.children().get(0);
        }
        return (Join) node;
    }

    /** The row counts of the ranges a plan reads, left to right. */
    private static List<Long> ranges(LogicalPlan plan) {
        List<Long> counts = new ArrayList<>();
        plan.transformDown(node -> {
            if (node instanceof Range range) {
                counts.add(range.count());
            }
            return node;
        });
        return counts;
    }

    @Test
    void filteredSmallTablesJoinEachOtherBeforeTheLargeOne() {
        // Written order joins fact with dim first; nat's filter makes dim JOIN nat the smallest join.
        String query = "SELECT fk, name FROM fact f, dim d, nat n WHERE f.dk = d.dk AND d.nk = n.nk AND n.name = '1'";
        Join top = topJoin(optimized(query));
        assertThat(ranges(top.left())).containsExactly(1000L);
        assertThat(ranges(top.right())).containsExactlyInAnyOrder(10L, 5L);
        assertThat(ember.sql(query).collectAsList()).hasSize(200).allMatch(row -> row.get(1).equals("1"));
    }

    @Test
    void theJoinWithTheMostSelectiveDimensionComesFirst() {
        String query = "SELECT * FROM fact f, nat n, dim d WHERE f.dk = d.dk AND f.dk = n.nk AND d.nk = 3";
        Join top = topJoin(optimized(query));
        // fact JOIN dim (filtered to a tenth) below, nat joined last; the output keeps the written order.
        assertThat(ranges(top.left())).containsExactly(1000L, 10L);
        assertThat(ranges(top.right())).containsExactly(5L);
        assertThat(ember.sql(query).columns()).containsExactly("fk", "dk", "nk", "name", "dk", "nk");
        assertThat(ember.sql(query).collectAsList()).hasSize(100).allMatch(row -> row.get(1).equals(3L));
    }

    @Test
    void anEqualityOnColumnsUniqueOnNeitherSideIsTakenToMultiplyRows() {
        // Taken as a key join, many JOIN pairs would look smallest (a third of many's rows); it pairs each
        // row with a fifth of pairs' rows, so it comes last.
        String query = "SELECT count(*) FROM fact f, dim d, many m, pairs p WHERE f.dk = d.dk AND d.nk = m.mk AND m.mk = p.pk AND p.v < 10";
        List<List<Long>> innermost = new ArrayList<>();
        optimized(query).transformDown(node -> {
            if (node instanceof Join join && join.joinType() == JoinType.INNER && !hasJoin(join.left()) && !hasJoin(join.right())) {
                innermost.add(ranges(join));
            }
            return node;
        });
        assertThat(innermost).doesNotContain(List.of(1200L, 100L), List.of(100L, 1200L));
        assertThat(ember.sql(query).collectAsList().get(0).getLong(0)).isEqualTo(1000L * 240 * 2);
    }

    private static boolean hasJoin(LogicalPlan plan) {
        return plan instanceof Join || plan.children().stream().anyMatch(ReorderJoinsTest::hasJoin);
    }

    @Test
    void aSemiJoinGoesAboveTheInnerJoinsThatShrinkItsSide() {
        String query = "SELECT fk FROM fact f JOIN dim d ON f.dk = d.dk WHERE d.nk = 1 AND EXISTS (SELECT * FROM other o WHERE o.ok = f.fk)";
        Join top = topJoin(optimized(query));
        assertThat(top.joinType()).isEqualTo(JoinType.LEFT_SEMI);
        assertThat(topJoin(top.left()).joinType()).isEqualTo(JoinType.INNER);
        assertThat(ember.sql(query).collectAsList()).hasSize(200);
    }

    @Test
    void aSemiJoinStaysOnItsSideWhenTheJoinsAboveDoNotShrinkIt() {
        String query = "SELECT fk FROM fact f JOIN dim d ON f.dk = d.dk WHERE NOT EXISTS (SELECT * FROM other o WHERE o.ok = f.fk + 1500)";
        Join top = topJoin(optimized(query));
        assertThat(top.joinType()).isEqualTo(JoinType.INNER);
        assertThat(topJoin(top.left()).joinType()).isEqualTo(JoinType.LEFT_ANTI);
        assertThat(ember.sql(query).collectAsList()).hasSize(500);
    }

    @Test
    void theOrderIsTheSameEveryTime() {
        String query = "SELECT * FROM nat n, fact f, dim d, nat m WHERE f.dk = d.dk AND d.nk = n.nk AND f.dk = m.nk";
        assertThat(ranges(optimized(query))).isEqualTo(ranges(optimized(query)));
        assertThat(ember.sql(query).columns()).containsExactly("nk", "name", "fk", "dk", "dk", "nk", "nk", "name");
        assertThat(ember.sql(query).collectAsList()).hasSize(500);
    }

    @Test
    void anEquiJoinKeepsTheLargerSideFilteredAsTheSmallerSide() {
        Cardinality fact = Cardinality.table(1000).filtered(0.5);
        Cardinality dimension = Cardinality.table(10).filtered(0.1);
        assertThat(fact.equiJoin(dimension).rows()).isCloseTo(50, within(1e-9));
        assertThat(dimension.equiJoin(fact)).isEqualTo(fact.equiJoin(dimension));
        assertThat(fact.equiJoin(dimension).tableRows()).isEqualTo(1000);
        LogicalPlan filtered = optimized("SELECT * FROM nat WHERE nk = 1 OR nk = 2");
        assertThat(Cardinality.of(filtered).rows()).isCloseTo(5 * 0.19, within(1e-9));
    }

    @Test
    void anEqualityImpliedByTwoOthersLetsTheirOuterColumnsMeet() {
        // cust.cn = sup.sn and sup.sn = nat.nk imply cust.cn = nat.nk: cust meets its one nation first, then
        // line, then sup (as TPC-H Q5's customer, orders, lineitem and supplier).
        String query = "SELECT count(*) FROM line l, cust c, sup s, nat n WHERE l.lc = c.ck AND l.ls = s.sk AND c.cn = s.sn"
                + " AND s.sn = n.nk AND n.name = '1'";
        List<List<Long>> innermost = new ArrayList<>();
        optimized(query).transformDown(node -> {
            if (node instanceof Join join && join.joinType() == JoinType.INNER && !hasJoin(join.left()) && !hasJoin(join.right())) {
                innermost.add(ranges(join));
            }
            return node;
        });
        assertThat(innermost).containsExactly(List.of(3000L, 5L));
        assertThat(ember.sql(query).collectAsList().get(0).getLong(0)).isEqualTo(6000L);
    }

    @Test
    void aSelectiveSemiJoinStaysBelowTheInnerJoinsThatShrinkItsSide() {
        // other's one key keeps (by the fixed share of an equality) a tenth of fact's rows, as the join with dim does.
        String query = "SELECT fk FROM fact f JOIN dim d ON f.dk = d.dk WHERE d.nk = 1 AND f.fk IN (SELECT ok FROM other WHERE ok = 11)";
        Join top = topJoin(optimized(query));
        assertThat(top.joinType()).isEqualTo(JoinType.INNER);
        assertThat(topJoin(top.left()).joinType()).isEqualTo(JoinType.LEFT_SEMI);
        assertThat(ember.sql(query).collectAsList()).hasSize(1);
    }

    @Test
    void aSemiJoinOnTheKeyOfAFilteredSideKeepsTheShareOfItsTableThatSideKept() {
        // Without statistics, a range keeps a third of other's rows.
        LogicalPlan semi = optimized("SELECT fk FROM fact WHERE fk IN (SELECT ok FROM other WHERE ok < 20)");
        assertThat(Cardinality.of(semi).rows()).isCloseTo(1000 / 3.0, within(1e-9));
        LogicalPlan unfiltered = optimized("SELECT fk FROM fact WHERE fk IN (SELECT ok FROM other)");
        assertThat(Cardinality.of(unfiltered).rows()).isCloseTo(1000 * Cardinality.SEMI_JOIN, within(1e-9));
    }
}
