package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The DataFrame methods whose results Spark does not fix (sampling, caching, plans), tested by their properties. */
class DataFrameApiTest {
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    /** A long chain of unions, as a loop over many DataFrames builds (it once took exponential time to analyze). */
    @Test
    @Timeout(120)
    void longChainsOfUnionsAnalyze() {
        DataFrame all = ember.range(1).selectExpr("id", "CAST(id AS string) AS s");
        for (int i = 1; i < 40; i++) {
            all = all.union(ember.range(i, i + 1).selectExpr("id", "CAST(id AS string) AS s"));
        }
        assertThat(all.count()).isEqualTo(40);
        assertThat(all.agg(functions.sum("id")).first().getLong(0)).isEqualTo(780);
    }

    private static List<Long> ids(DataFrame frame) {
        List<Long> ids = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            ids.add(row.getLong(0));
        }
        return ids;
    }

    @Test
    void sampleIsReproducibleForASeedAndKeepsAboutTheFraction() {
        DataFrame numbers = ember.range(10_000);
        List<Long> first = ids(numbers.sample(0.3, 42));
        assertThat(ids(numbers.sample(0.3, 42))).containsExactlyInAnyOrderElementsOf(first);
        assertThat(ids(numbers.sample(0.3, 43))).isNotEqualTo(first);
        assertThat(first).hasSizeBetween(2_700, 3_300).doesNotHaveDuplicates();
        assertThat(ids(numbers.sample(0.0, 1))).isEmpty();
        assertThat(ids(numbers.sample(1.0, 1))).hasSize(10_000);
        assertThatThrownBy(() -> numbers.sample(1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomSplitPartsAreDisjointCoverTheInputAndFollowTheWeights() {
        // Round-robin repartitioning first: the split must not depend on the order rows arrive in.
        DataFrame numbers = ember.range(3_000).repartition(3);
        DataFrame[] parts = numbers.randomSplit(new double[] {1, 2, 3}, 7);
        Set<Long> seen = new HashSet<>();
        int total = 0;
        int[] sizes = new int[parts.length];
        for (int p = 0; p < parts.length; p++) {
            List<Long> ids = ids(parts[p]);
            sizes[p] = ids.size();
            total += ids.size();
            seen.addAll(ids);
        }
        assertThat(total).isEqualTo(3_000);
        assertThat(seen).hasSize(3_000);
        assertThat(sizes[0]).isBetween(380, 620);
        assertThat(sizes[2]).isBetween(1_350, 1_650);
        assertThat(ids(numbers.randomSplit(new double[] {1, 2, 3}, 7)[1])).containsExactlyInAnyOrderElementsOf(ids(parts[1]));
        assertThatThrownBy(() -> numbers.randomSplit(new double[] {1, -1}, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cacheComputesOnceAndServesLaterQueriesUntilUnpersisted() {
        DataFrame table = ember.range(100).filter(col("id").mod(10).equalTo(0)).cache();
        assertThat(ember.cache().isComputed(table.logicalPlan())).isFalse();
        assertThat(table.explainString(false)).doesNotContain("InMemoryTableScan");
        assertThat(ember.cache().isComputed(table.logicalPlan())).as("explain does not run the cached plan").isFalse();
        assertThat(table.count()).isEqualTo(10);
        assertThat(ember.cache().isComputed(table.logicalPlan())).isTrue();

        // Later queries built on the frame read the stored batches instead of the range.
        DataFrame derived = table.filter(col("id").gt(50));
        assertThat(derived.explainString(false)).contains("InMemoryTableScan").doesNotContain("Range");
        assertThat(ids(derived)).containsExactlyInAnyOrder(60L, 70L, 80L, 90L);
        assertThat(ids(table.union(table))).hasSize(20);

        table.unpersist();
        assertThat(ember.cache().isPersisted(table.logicalPlan())).isFalse();
        assertThat(derived.explainString(false)).doesNotContain("InMemoryTableScan");
        assertThat(ids(derived)).containsExactlyInAnyOrder(60L, 70L, 80L, 90L);
    }

    @Test
    void dropDuplicatesKeepsOneActualRowPerKey() {
        DataFrame rows = ember.sql("SELECT * FROM VALUES (1, 'a'), (1, 'b'), (2, 'c'), (NULL, 'd'), (NULL, 'e') AS t(k, v)");
        List<Row> kept = rows.dropDuplicates("k").collectAsList();
        assertThat(kept).hasSize(3);
        assertThat(kept.stream().map(r -> r.get(0)).toList()).containsExactlyInAnyOrder(1, 2, null);
        assertThat(rows.collectAsList()).containsAll(kept);
        assertThatThrownBy(() -> rows.dropDuplicates("x")).isInstanceOf(EmberException.class)
                .hasMessageContaining("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES");
    }

    @Test
    void whenBranchesOnlyExtendAWhenColumnOnce() {
        assertThatThrownBy(() -> col("a").when(col("b"), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> when(col("a"), 1).otherwise(2).otherwise(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lit(1).otherwise(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainShowsTheAnalyzedAndPhysicalPlans() {
        DataFrame frame = ember.range(10).filter(col("id").gt(3)).repartition(2).coalesce(1);
        String extended = frame.explainString(true);
        assertThat(extended).contains("== Analyzed Logical Plan ==", "id: bigint", "== Physical Plan ==", "Coalesce 1", "RoundRobinPartitioning(2)");
        assertThat(frame.explainString(false)).doesNotContain("== Analyzed Logical Plan ==");
        assertThat(frame.count()).isEqualTo(6);
    }

    @Test
    void columnNamesSplitAtDotsOutsideBackQuotes() {
        assertThat(Column.nameParts("a.b")).containsExactly("a", "b");
        assertThat(Column.nameParts("`a.b`")).containsExactly("a.b");
        assertThat(Column.nameParts("(a + 1)")).containsExactly("(a + 1)");
        assertThat(Column.nameParts("`a``b`.c")).containsExactly("a`b", "c");
        for (String invalid : new String[] {"a`b", "a.", "`a", "`a`b", ""}) {
            assertThatThrownBy(() -> Column.nameParts(invalid)).as(invalid).isInstanceOf(EmberException.class)
                    .hasMessageContaining("INVALID_ATTRIBUTE_NAME_SYNTAX");
        }
    }

    @Test
    void describeOfNoRowsCountsZero() {
        List<Row> rows = ember.range(0).describe("id").collectAsList();
        assertThat(rows).containsExactly(Row.of("count", "0"), Row.of("mean", null), Row.of("stddev", null),
                Row.of("min", null), Row.of("max", null));
    }
}
