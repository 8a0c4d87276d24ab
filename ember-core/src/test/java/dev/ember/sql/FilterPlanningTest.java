package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.exec.FilterExec;
import dev.ember.exec.PhysicalPlan;
import dev.ember.expr.AttributeReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How projections and filters are planned: a filter copies only what the projection above it reads, and renamings fold into one projection. */
class FilterPlanningTest {
    private EmberSession ember;

    @BeforeEach
    void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 10, 'x'), (2, 20, 'y'), (3, NULL, 'z'), (4, 40, NULL) AS t(a, b, c)");
    }

    @AfterEach
    void stop() {
        ember.stop();
    }

    private PhysicalPlan plan(String sql) {
        return ember.physicalPlan(ember.sql(sql).logicalPlan());
    }

    /** The first filter of a plan, depth first. */
    private static FilterExec filter(PhysicalPlan node) {
        if (node instanceof FilterExec found) {
            return found;
        }
        return node.children().stream().map(FilterPlanningTest::filter).filter(f -> f != null).findFirst().orElse(null);
    }

    @Test
    void aFilterUnderAProjectionCopiesOnlyTheColumnsItReads() {
        String sql = "SELECT b + 1 AS d FROM t WHERE a % 2 = 0 AND c IS NOT NULL";
        FilterExec filter = filter(plan(sql));
        assertThat(filter.child().output().stream().map(AttributeReference::name)).containsExactly("a", "b", "c");
        assertThat(filter.output().stream().map(AttributeReference::name)).containsExactly("b");
        assertThat(ember.sql(sql).collectAsList().stream().map(Row::toString)).containsExactly("[21]");
        String none = "SELECT count(*) FROM t WHERE a > 1";
        assertThat(ember.sql(none).collectAsList().stream().map(Row::toString)).containsExactly("[3]");
    }

    @Test
    void aProjectionOverOneThatRenamesColumnsIsOneProjection() {
        String sql = "SELECT y + 1 AS z, x FROM (SELECT a AS x, b AS y, c FROM t) s WHERE x > 1";
        String plan = plan(sql).treeString();
        assertThat(plan.split("Project", -1)).hasSize(2);
        assertThat(ember.sql(sql).collectAsList().stream().map(Row::toString)).containsExactlyInAnyOrder("[21,2]", "[null,3]", "[41,4]");
    }
}
