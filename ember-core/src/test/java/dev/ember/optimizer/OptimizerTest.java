package dev.ember.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.expr.ScalarSubquery;
import dev.ember.expr.SubqueryExpression;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.EmberSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW a AS SELECT * FROM VALUES (1, 10), (2, 20) AS a(id, x)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW b AS SELECT * FROM VALUES (1, 'p'), (3, 'q') AS b(id, y)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (10, true) AS c(x, z)");
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    private static LogicalPlan optimized(String query) {
        return Optimizer.optimize(ember.sql(query).logicalPlan());
    }

    private static List<Join> joins(LogicalPlan plan) {
        List<Join> joins = new ArrayList<>();
        plan.transformDown(node -> {
            if (node instanceof Join join) {
                joins.add(join);
            }
            return node;
        });
        return joins;
    }

    @Test
    void aSemiOrAntiJoinFiltersTheSideItsConditionReadsBelowTheJoin() {
        for (String subquery : List.of("IN", "NOT IN")) {
            String query = "SELECT a.id, b.y FROM a JOIN b ON a.id = b.id WHERE a.x " + subquery + " (SELECT x FROM c)";
            List<Join> joins = joins(optimized(query));
            Join top = joins.get(0);
            assertThat(top.joinType()).as(subquery).isEqualTo(JoinType.INNER);
            // The semi (anti) join now sits on a's side of the inner join (the one with a.x), not above it.
            LogicalPlan aSide = top.left().output().stream().anyMatch(c -> c.name().equals("x")) ? top.left() : top.right();
            assertThat(joins(aSide).stream().map(Join::joinType))
                    .as(subquery).contains(subquery.equals("IN") ? JoinType.LEFT_SEMI : JoinType.LEFT_ANTI);
        }
        assertThat(ember.sql("SELECT a.id, b.y FROM a JOIN b ON a.id = b.id WHERE a.x IN (SELECT x FROM c)").collectAsList())
                .extracting(Object::toString).containsExactly("[1,p]");
        assertThat(ember.sql("SELECT a.id, b.y FROM a RIGHT JOIN b ON a.id = b.id WHERE b.y NOT IN (SELECT 'p')").collectAsList())
                .extracting(Object::toString).containsExactly("[null,q]");
    }

    @Test
    void whereConditionsBecomeJoinConditionsAndSideFilters() {
        LogicalPlan plan = optimized("SELECT * FROM a, b WHERE a.id = b.id AND b.y = 'p' AND a.x > 5");
        List<Join> joins = joins(plan);
        assertThat(joins).hasSize(1);
        assertThat(joins.get(0).joinType()).isEqualTo(JoinType.INNER);
        assertThat(joins.get(0).condition()).hasToString("(id = id)");
        // Each side's own conjunct sits below the join, on that side.
        assertThat(joins.get(0).left().anyExpression(e -> e.toString().equals("(x > 5)"))).isTrue();
        assertThat(joins.get(0).right().anyExpression(e -> e.toString().equals("(y = p)"))).isTrue();
        assertThat(plan).isNotInstanceOf(Filter.class);
    }

    @Test
    void conjunctsSharedByEveryBranchOfAnOrBecomeJoinKeys() {
        String query = "SELECT a.id FROM a, b WHERE (a.id = b.id AND a.x > 15) OR (b.y = 'p' AND a.id = b.id)";
        Join join = joins(optimized(query)).get(0);
        assertThat(join.joinType()).isEqualTo(JoinType.INNER);
        assertThat(Predicates.conjuncts(join.condition())).extracting(Object::toString)
                .containsExactly("(id = id)", "((x > 15) OR (y = p))");
        assertThat(ember.sql(query).collectAsList()).extracting(row -> row.get(0)).containsExactly(1);
    }

    @Test
    void anOrOverBothSidesAlsoFiltersEachSideWithWhatItImpliesThere() {
        String query = "SELECT a.id, b.y FROM a JOIN b ON a.id = b.id AND ((a.x = 10 AND b.y = 'p') OR (a.x > 15 AND b.y = 'q'))";
        Join join = joins(optimized(query)).get(0);
        assertThat(Predicates.conjuncts(join.condition())).extracting(Object::toString)
                .containsExactly("(id = id)", "(((x = 10) AND (y = p)) OR ((x > 15) AND (y = q)))");
        assertThat(join.left().anyExpression(e -> e.toString().equals("((x = 10) OR (x > 15))"))).isTrue();
        assertThat(join.right().anyExpression(e -> e.toString().equals("((y = p) OR (y = q))"))).isTrue();
        assertThat(ember.sql(query).collectAsList()).containsExactly(dev.ember.sql.Row.of(1, "p"));
        // A branch that says nothing about a side implies nothing for it.
        Join partial = joins(optimized("SELECT * FROM a JOIN b ON a.id = b.id AND (a.x = 10 OR b.y = 'q')")).get(0);
        assertThat(partial.left().anyExpression(e -> e.toString().contains("x = 10"))).isFalse();
    }

    @Test
    void innerJoinsAreOrderedToAvoidCrossProducts() {
        // b and c share no condition: written order would start with their cross product.
        String query = "SELECT * FROM b, c, a WHERE a.id = b.id AND c.x = a.x";
        assertThat(joins(optimized(query))).extracting(Join::joinType).containsOnly(JoinType.INNER);
        assertThat(ember.sql(query).columns()).containsExactly("id", "y", "x", "z", "id", "x");
        assertThat(ember.sql(query).collectAsList()).containsExactly(dev.ember.sql.Row.of(1, "p", 10, true, 1, 10));
    }

    @Test
    void leftJoinKeepsWhereConditionsOnTheNullPaddedSideAboveTheJoin() {
        LogicalPlan plan = optimized("SELECT * FROM a LEFT JOIN b ON a.id = b.id WHERE b.y IS NULL");
        assertThat(plan.anyExpression(e -> e.toString().equals("(y IS NULL)"))).isTrue();
        Join join = joins(plan).get(0);
        assertThat(join.left().anyExpression(e -> e.toString().contains("y"))).isFalse();
        assertThat(join.right().anyExpression(e -> e.toString().contains("IS NULL"))).isFalse();
        assertThat(ember.sql("SELECT a.id FROM a LEFT JOIN b ON a.id = b.id WHERE b.y IS NULL").collectAsList())
                .extracting(row -> row.get(0)).containsExactly(2);
    }

    @Test
    void subqueryPredicatesBecomeSemiAndAntiJoins() {
        LogicalPlan plan = optimized("SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.id) "
                + "AND a.id NOT IN (SELECT id FROM b WHERE y = 'q')");
        // Only the scalar subquery of NOT IN's null-aware facts stays (it runs before the query).
        assertThat(plan.anyExpression(e -> e instanceof SubqueryExpression && !(e instanceof ScalarSubquery))).isFalse();
        assertThat(joins(plan)).extracting(Join::joinType).containsExactlyInAnyOrder(JoinType.LEFT_SEMI, JoinType.LEFT_ANTI);
    }

    @Test
    void uncorrelatedNotInIsAnAntiJoinOnKeysCorrectedForNulls() {
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW outer_values AS SELECT * FROM VALUES (1), (2), (NULL) AS outer_values(v)");
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW inner_values AS SELECT * FROM VALUES (CAST(2 AS BIGINT)), (NULL) AS inner_values(w)");
        String query = "SELECT v FROM outer_values WHERE v NOT IN (SELECT w FROM inner_values WHERE %s)";
        Join anti = joins(optimized(query.formatted("true"))).get(0);
        assertThat(anti.joinType()).isEqualTo(JoinType.LEFT_ANTI);
        assertThat(anti.condition()).hasToString("(v = w)"); // an equality the hash join takes as keys (v cast to bigint)
        // Empty subquery: every row, NULL included.
        assertThat(values(query.formatted("w > 5"))).containsExactlyInAnyOrder(1, 2, null);
        // A NULL in the subquery: no row.
        assertThat(values(query.formatted("true"))).isEmpty();
        assertThat(values(query.formatted("w IS NULL"))).isEmpty();
        // Otherwise the rows whose value is not in it, without the NULL one.
        assertThat(values(query.formatted("w IS NOT NULL"))).containsExactly(1);
        // Without NULLs possible on either side, the anti join alone is the answer.
        LogicalPlan plain = optimized("SELECT id FROM a WHERE x NOT IN (SELECT x FROM c)");
        assertThat(plain.anyExpression(e -> e instanceof ScalarSubquery)).isFalse();
        assertThat(joins(plain).get(0).condition()).hasToString("(x = x)");
        assertThat(ember.sql("SELECT id FROM a WHERE x NOT IN (SELECT x FROM c)").collectAsList())
                .extracting(row -> row.get(0)).containsExactly(2);
    }

    @Test
    void correlatedNotInKeepsItsNullComparingCondition() {
        Join anti = joins(optimized("SELECT id FROM a WHERE x NOT IN (SELECT id FROM b WHERE b.y <> CAST(a.id AS STRING))")).get(0);
        assertThat(anti.joinType()).isEqualTo(JoinType.LEFT_ANTI);
        assertThat(anti.condition().toString()).contains("IS NULL");
    }

    private static List<Object> values(String query) {
        return ember.sql(query).collectAsList().stream().map(row -> row.get(0)).toList();
    }

    @Test
    void correlatedScalarSubqueryBecomesOuterJoinWithGroupedAggregate() {
        LogicalPlan plan = optimized("SELECT id, (SELECT count(*) FROM b WHERE b.id = a.id) AS n FROM a");
        assertThat(plan.anyExpression(e -> e instanceof SubqueryExpression)).isFalse();
        assertThat(joins(plan)).extracting(Join::joinType).containsExactly(JoinType.LEFT_OUTER);
        // count over no rows is 0, not NULL.
        assertThat(ember.sql("SELECT id, (SELECT count(*) FROM b WHERE b.id = a.id) AS n FROM a ORDER BY id").collectAsList())
                .extracting(row -> row.get(1)).containsExactly(1L, 0L);
    }

    @Test
    void aDecorrelatedAggregateReadsOnlyTheKeysOfTheFilteredOuterSide() {
        String query = "SELECT a.id FROM a, b WHERE a.id = b.id AND b.y = 'p' AND a.x >= (SELECT count(*) FROM a AS a2 WHERE a2.id = a.id)";
        Join outer = joins(optimized(query)).stream().filter(j -> j.joinType() == JoinType.LEFT_OUTER).findFirst().orElseThrow();
        List<Join> semis = joins(outer.right()).stream().filter(j -> j.joinType() == JoinType.LEFT_SEMI).toList();
        assertThat(semis).hasSize(1);
        // The domain is b filtered (its key equals a.id), not the outer join of a and b.
        assertThat(semis.get(0).right().anyExpression(e -> e.toString().equals("(y = p)"))).isTrue();
        assertThat(joins(semis.get(0).right())).isEmpty();
        assertThat(ember.sql(query).collectAsList()).extracting(row -> row.get(0)).containsExactly(1);
        // Without a filter on the outer side, every group may be needed: no semi join.
        Join unfiltered = joins(optimized("SELECT a.id FROM a, b WHERE a.id = b.id AND a.x >= (SELECT count(*) FROM a AS a2 WHERE a2.id = a.id)"))
                .stream().filter(j -> j.joinType() == JoinType.LEFT_OUTER).findFirst().orElseThrow();
        assertThat(joins(unfiltered.right())).isEmpty();
    }

    @Test
    void uncorrelatedScalarSubqueryStaysForTheSessionToRunFirst() {
        LogicalPlan plan = optimized("SELECT * FROM a WHERE x > (SELECT min(x) FROM a)");
        assertThat(plan.anyExpression(e -> e instanceof ScalarSubquery)).isTrue();
        assertThat(ember.sql("SELECT id FROM a WHERE x > (SELECT min(x) FROM a)").collectAsList())
                .extracting(row -> row.get(0)).containsExactly(2);
    }

    @Test
    void constantsAreFoldedButFailingOnesWaitForRows() {
        LogicalPlan plan = optimized("SELECT * FROM a WHERE x > 2 * 3 + 1");
        assertThat(plan.anyExpression(e -> e.toString().equals("(x > 7)"))).isTrue();
        // 1/0 is only evaluated for rows that reach it: no row does.
        assertThat(ember.sql("SELECT CASE WHEN x > 100 THEN 1 / 0 ELSE 0 END AS v FROM a").collectAsList()).hasSize(2);
    }

    @Test
    void aCaseOfConstantsComparedWithOneIsItsCondition() {
        // What a null-aware NOT IN filters by once its subquery's state (here 1: no NULL in it) is known.
        String query = "SELECT * FROM outer_values WHERE (CASE WHEN v IS NULL THEN 1 ELSE 2 END) > %d";
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW outer_values AS SELECT * FROM VALUES (1), (2), (NULL) AS outer_values(v)");
        assertThat(optimized(query.formatted(1)).anyExpression(e -> e.toString().equals("(v IS NOT NULL)"))).isTrue();
        assertThat(values(query.formatted(1))).containsExactlyInAnyOrder(1, 2);
        assertThat(optimized(query.formatted(0)).anyExpression(e -> e instanceof dev.ember.expr.CaseWhen)).isFalse();
        assertThat(values(query.formatted(0))).containsExactlyInAnyOrder(1, 2, null);
        assertThat(values(query.formatted(2))).isEmpty();
        // A condition that may be NULL stays a CASE (NULL is neither TRUE nor FALSE).
        assertThat(optimized("SELECT * FROM outer_values WHERE (CASE WHEN v > 1 THEN 1 ELSE 2 END) > 1")
                .anyExpression(e -> e instanceof dev.ember.expr.CaseWhen)).isTrue();
    }

    @Test
    void correlatedExistsOverAnAggregateWithoutGroupByIsRefused() {
        assertThatThrownBy(() -> optimized("SELECT * FROM a WHERE EXISTS (SELECT count(*) FROM b WHERE b.id = a.id)"))
                .isInstanceOf(EmberException.class).hasMessageContaining("UNSUPPORTED_FEATURE")
                .hasMessageContaining("aggregate without GROUP BY");
    }

    @Test
    void referencesTwoQueriesOutAreRefusedAtAnalysis() {
        assertThatThrownBy(() -> ember.sql("SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE EXISTS (SELECT 1 FROM c WHERE c.x = a.x))"))
                .isInstanceOf(EmberException.class).hasMessageContaining("2 levels out");
    }
}
