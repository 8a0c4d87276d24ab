package dev.ember.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.exec.CanonicalPlan;
import dev.ember.exec.FileScanExec;
import dev.ember.exec.FilterExec;
import dev.ember.exec.HashJoinExec;
import dev.ember.exec.JoinKeys;
import dev.ember.exec.PhysicalPlan;
import dev.ember.exec.ProjectExec;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.CoinFlip;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.plan.logical.JoinType;
import dev.ember.scheduler.ShuffleDependency;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where a broadcast join's build keys filter its probe side's file scan, and where they must not. */
class KeyFiltersTest {
    private final AttributeReference id = AttributeReference.create("id", AtomicType.LONG, false);
    private final AttributeReference k = AttributeReference.create("k", AtomicType.LONG, true);
    private final AttributeReference v = AttributeReference.create("v", AtomicType.LONG, true);
    private final AttributeReference dk = AttributeReference.create("dk", AtomicType.LONG, true);
    private final AttributeReference label = AttributeReference.create("label", AtomicType.STRING, true);

    private static FileScanExec scan(AttributeReference... columns) {
        StructType schema = new StructType(List.of(columns).stream().map(c -> new StructField(c.name(), c.dataType(), c.nullable())).toList());
        return new FileScanExec("parquet", List.of(), schema, IntStream.range(0, columns.length).toArray(), List.of(), Map.of(), Map.of(),
                List.of(columns), FileScanExec.PartitionColumns.NONE, List.of());
    }

    private FileScanExec facts() {
        return scan(id, k, v);
    }

    /** The dimension's keys in one partition: filtered by its label, or all of them. */
    private ShuffleExchangeExec dimension(boolean filtered) {
        FileScanExec dims = scan(dk, label);
        PhysicalPlan rows = filtered ? dims.filtered(new Comparison(Comparison.Operator.GREATER_THAN, label, Literal.of("m")), List.of(dk))
                : new ProjectExec(List.of(dk), dims);
        return new ShuffleExchangeExec(7, List.of(), 1, true, rows);
    }

    private static HashJoinExec join(PhysicalPlan probe, PhysicalPlan build, Expression probeKey, JoinType type, boolean broadcast) {
        List<AttributeReference> output = new ArrayList<>(probe.output());
        if (!type.semiOrAnti()) {
            output.addAll(build.output());
        }
        return new HashJoinExec(probe, build, type, new JoinKeys(List.of(probeKey), List.of(build.output().get(0)), List.of(false)),
                null, broadcast, output);
    }

    private static FileScanExec scanOf(PhysicalPlan plan) {
        return plan instanceof FileScanExec scan ? scan : scanOf(plan.children().get(0));
    }

    @Test
    void aFilteredBroadcastBuildSideFiltersTheProbeScanThroughProjections() {
        PhysicalPlan probe = new ProjectExec(List.of(new Alias(k, "key"), v), facts());
        for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT_SEMI)) {
            PhysicalPlan planned = KeyFilters.probesFiltered(join(probe, dimension(true), probe.output().get(0), type, true));
            FileScanExec scan = scanOf(planned);
            assertThat(scan.nodeString()).as(type.toString()).endsWith("Filter: k IN keys(dk) of shuffle 7");
            // The stage reads the build side's shuffle for the filter too: it is recomputed if lost.
            assertThat(scan.readBesideChildren()).singleElement().satisfies(read -> assertThat(read.nodeString()).startsWith("AQEShuffleRead local"));
            assertThat(ShuffleExchangeExec.inputsOf(planned)).extracting(ShuffleDependency::shuffleId).containsOnly(7);
        }
    }

    @Test
    void theStageReadsTheBuildSideAsAdaptiveExecutionReplannedIt() {
        ShuffleExchangeExec build = dimension(true);
        PhysicalPlan planned = KeyFilters.probesFiltered(join(facts(), build, k, JoinType.INNER, true));
        // What the build exchange reads re-planned (its input's partitions coalesced, here split): the filter keeps its first copy.
        FileScanExec split = new FileScanExec("parquet", List.of(List.of(), List.of()), new StructType(List.of(new StructField("dk", AtomicType.LONG, true))),
                new int[] {0}, List.of(), Map.of(), Map.of(), List.of(dk), FileScanExec.PartitionColumns.NONE, List.of());
        PhysicalPlan replanned = planned.withNewChildren(List.of(planned.children().get(0), build.withNewChildren(List.of(split))));
        assertThat(ShuffleExchangeExec.inputsOf(replanned)).singleElement().satisfies(input -> assertThat(input.mapPartitions()).isEqualTo(2));
    }

    @Test
    void theKeyFilterIsTheLastConjunctOfAFilteredScan() {
        FileScanExec filtered = facts().filtered(new Comparison(Comparison.Operator.GREATER_THAN, v, Literal.of(0L)), List.of(k, id));
        PhysicalPlan planned = KeyFilters.probesFiltered(join(filtered, dimension(true), k, JoinType.INNER, true));
        FileScanExec scan = scanOf(planned);
        assertThat(scan.nodeString()).contains("[k#", "id#").doesNotContain("v#").endsWith("Filter: ((v > 0) AND k IN keys(dk) of shuffle 7)");
        // A scan filtered by other keys, or not by keys, is not the same scan.
        assertThat(CanonicalPlan.of(scan)).isNotEqualTo(CanonicalPlan.of(filtered));
        PhysicalPlan byOtherKeys = scanOf(KeyFilters.probesFiltered(join(filtered, dimension(true), id, JoinType.INNER, true)));
        assertThat(CanonicalPlan.of(scan)).isNotEqualTo(CanonicalPlan.of(byOtherKeys));
    }

    @Test
    void noKeyFilterWhereItWouldDropRowsTheJoinKeepsOrCannotHelp() {
        FileScanExec facts = facts();
        // Outer and anti joins keep probe rows without a match; a shuffled join's build side is not known to every task.
        for (JoinType type : List.of(JoinType.LEFT_OUTER, JoinType.LEFT_ANTI)) {
            HashJoinExec join = join(facts, dimension(true), k, type, true);
            assertThat(KeyFilters.probesFiltered(join)).as(type.toString()).isSameAs(join);
        }
        HashJoinExec shuffled = join(facts, new ShuffleExchangeExec(8, List.of(dk), 2, true, dimension(true).child()), k, JoinType.INNER, false);
        assertThat(KeyFilters.probesFiltered(shuffled)).isSameAs(shuffled);
        // A build side of a whole table's keys (nothing below it drops rows) matches every probe row of a foreign key.
        HashJoinExec unfiltered = join(facts, dimension(false), k, JoinType.INNER, true);
        assertThat(KeyFilters.probesFiltered(unfiltered)).isSameAs(unfiltered);
        // A key the projection computes is not a scan column.
        ProjectExec computed = new ProjectExec(List.of(new Alias(new dev.ember.expr.Arithmetic(dev.ember.expr.Arithmetic.Operator.ADD, k, Literal.of(1L)), "k1")), facts);
        HashJoinExec overComputed = join(computed, dimension(true), computed.output().get(0), JoinType.INNER, true);
        assertThat(KeyFilters.probesFiltered(overComputed)).isSameAs(overComputed);
    }

    @Test
    void nonDeterministicProjectionsAndFiltersSeeTheRowsTheyDidWithout() {
        // Below a projection that is not deterministic, fewer rows would change what it computes for the others.
        ProjectExec unrepeatable = new ProjectExec(List.of(k, new Alias(new CoinFlip(), "r")), facts());
        HashJoinExec join = join(unrepeatable, dimension(true), k, JoinType.INNER, true);
        assertThat(KeyFilters.probesFiltered(join)).isSameAs(join);
        // A filter that is not deterministic stays over the scan and probes the keys last, on the rows it keeps.
        FilterExec sampled = new FilterExec(new CoinFlip(), facts());
        PhysicalPlan planned = KeyFilters.probesFiltered(join(sampled, dimension(true), k, JoinType.INNER, true));
        assertThat(planned.children().get(0)).isInstanceOf(FilterExec.class);
        assertThat(planned.children().get(0).nodeString()).isEqualTo("Filter (coin_flip() AND k IN keys(dk) of shuffle 7)");
        assertThat(scanOf(planned).filters()).isFalse();
    }
}
