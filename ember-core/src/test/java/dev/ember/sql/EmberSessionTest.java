package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmberSessionTest {
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10), (2, 'b', 20), (3, 'a', NULL) AS t(id, k, v)");
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    @Test
    void selectsConstants() {
        DataFrame result = ember.sql("SELECT 1 + 2, 'x' AS s");
        assertThat(result.columns()).containsExactly("(1 + 2)", "s");
        assertThat(result.collectAsList()).containsExactly(Row.of(3, "x"));
    }

    @Test
    void groupsAndOrders() {
        List<Row> rows = ember.sql("SELECT k, count(*) AS n, sum(v) FROM t GROUP BY k ORDER BY k").collectAsList();
        assertThat(rows).containsExactly(Row.of("a", 2L, 10L), Row.of("b", 1L, 20L));
    }

    @Test
    void joinsWithTheDataFrameApi() {
        DataFrame t = ember.table("t");
        DataFrame names = ember.sql("SELECT * FROM VALUES ('a', 'apple'), ('c', 'cherry') AS n(k, name)");
        List<Row> rows = t.join(names, List.of("k"), "left").groupBy("k", "name").agg(sum(col("id")).alias("ids"))
                .orderBy(col("k")).collectAsList();
        assertThat(rows).containsExactly(Row.of("a", "apple", 4L), Row.of("b", null, 2L));
    }

    @Test
    void smallIntegersAndFloatsReachTheApiAsTheirJavaTypes() {
        Row row = ember.sql("SELECT 1Y + 1Y, CAST(300 AS SMALLINT), CAST(0.1 AS FLOAT), typeof(1Y + 1Y)").collectAsList().get(0);
        assertThat(row.getByte(0)).isEqualTo((byte) 2);
        assertThat(row.getShort(1)).isEqualTo((short) 300);
        assertThat(row.getFloat(2)).isEqualTo(0.1f);
        assertThat(row.getString(3)).isEqualTo("tinyint");
        Row literals = ember.range(1).select(lit((byte) 7), lit((short) 8), lit(2.5f)).collectAsList().get(0);
        assertThat(literals).isEqualTo(Row.of((byte) 7, (short) 8, 2.5f));
    }

    @Test
    void divisionByZeroIsAnError() {
        assertThatThrownBy(() -> ember.sql("SELECT id / 0 FROM t").collectAsList())
                .isInstanceOf(EmberException.class).hasMessageContaining("[DIVIDE_BY_ZERO]");
    }

    @Test
    void unknownColumnSuggestsNames() {
        assertThatThrownBy(() -> ember.sql("SELECT idd FROM t"))
                .isInstanceOf(EmberException.class).hasMessageContaining("[UNRESOLVED_COLUMN]").hasMessageContaining("`id`");
    }

    @Test
    void intersectAndExceptAreHashJoinsOnNullSafeKeys() {
        DataFrame left = ember.sql("SELECT * FROM VALUES (1, 'a'), (NULL, 'b'), (3, NULL) AS l(x, y)");
        DataFrame right = ember.sql("SELECT * FROM VALUES (NULL, 'b'), (3, NULL), (4, 'd') AS r(x, y)");
        assertThat(left.intersect(right).explainString(false)).contains("HashJoin LeftSemi").doesNotContain("NestedLoopJoin");
        assertThat(left.intersect(right).collectAsList()).containsExactlyInAnyOrder(Row.of(null, "b"), Row.of(3, null));
        assertThat(left.except(right).collectAsList()).containsExactly(Row.of(1, "a"));
    }

    @Test
    void explainCostShowsTheEstimatedRowsOfTheOptimizedPlan() {
        String explained = ember.sql("EXPLAIN COST SELECT * FROM range(1000) WHERE id > 10").collectAsList().get(0).getString(0);
        assertThat(explained).startsWith("== Optimized Logical Plan ==\n").contains("Range", "Statistics(rowCount=1000)")
                .contains("Statistics(rowCount=333)").contains("== Physical Plan ==");
    }
}
