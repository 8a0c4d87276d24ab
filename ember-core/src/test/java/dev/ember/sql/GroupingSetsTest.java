package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GROUP BY ROLLUP / CUBE / GROUPING SETS: an Expand under the aggregate, one copy of each row per grouping set. */
class GroupingSetsTest {
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        ember.sql("CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('a', 1, 10), ('a', 2, 20), ('b', 1, 5) AS t(k, j, v)");
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    @Test
    void rollupExpandsEachRowOncePerSet() {
        DataFrame result = ember.sql("SELECT k, j, sum(v), grouping_id() AS id FROM t GROUP BY ROLLUP (k, j) ORDER BY id, k, j");
        assertThat(result.explainString(true)).contains("Expand");
        assertThat(result.collectAsList()).containsExactly(
                Row.of("a", 1, 10L, 0L), Row.of("a", 2, 20L, 0L), Row.of("b", 1, 5L, 0L),
                Row.of("a", null, 30L, 1L), Row.of("b", null, 5L, 1L),
                Row.of(null, null, 35L, 3L));
    }

    @Test
    void aggregatesReadTheInputNotTheNulledCopies() {
        List<Row> rows = ember.sql("SELECT k, count(k), grouping(k) FROM t GROUP BY CUBE (k) ORDER BY k NULLS LAST").collectAsList();
        assertThat(rows).containsExactly(Row.of("a", 2L, (byte) 0), Row.of("b", 1L, (byte) 0), Row.of(null, 3L, (byte) 1));
    }

    @Test
    void repeatedSetsGiveRepeatedGroups() {
        assertThat(ember.sql("SELECT k, count(*) FROM t GROUP BY GROUPING SETS ((k), (k))").count()).isEqualTo(4);
    }

    @Test
    void dataFrameRollupMatchesSql() {
        DataFrame frame = ember.table("t").rollup("k").agg(functions.sum("v"));
        assertThat(frame.columns()).containsExactly("k", "sum(v)");
        assertThat(frame.count()).isEqualTo(3);
    }

    @Test
    void groupingNeedsGroupingSets() {
        assertThatThrownBy(() -> ember.sql("SELECT k, grouping(k) FROM t GROUP BY k").collectAsList())
                .isInstanceOf(EmberException.class).hasMessageContaining("UNSUPPORTED_GROUPING_EXPRESSION");
    }
}
