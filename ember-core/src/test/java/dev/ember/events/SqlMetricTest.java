package dev.ember.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.events.SqlMetric.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlMetricTest {
    private static String formatted(Unit unit, long value) {
        return new SqlMetric("m", "m", unit, value, true).formatted();
    }

    @Test
    void valuesReadAsPeopleReadThemWhateverTheLocale() {
        assertThat(formatted(Unit.COUNT, 1_234_567)).isEqualTo("1,234,567");
        assertThat(formatted(Unit.BYTES, 1023)).isEqualTo("1023 B");
        assertThat(formatted(Unit.BYTES, 1536)).isEqualTo("1.5 KiB");
        assertThat(formatted(Unit.BYTES, 3L << 30)).isEqualTo("3.0 GiB");
        assertThat(formatted(Unit.NANOS, 450_000)).isEqualTo("0.5 ms");
        assertThat(formatted(Unit.NANOS, 12_400_000)).isEqualTo("12 ms");
        assertThat(formatted(Unit.NANOS, 12_345_000_000L)).isEqualTo("12.3 s");
    }

    @Test
    void aNodeLinePutsTheSpillCountBesideTheSpillSizeAndLeavesOutFiguresNotInline() {
        SqlPlanNode sort = new SqlPlanNode(1, "Sort [k]", List.of(new SqlMetric("number of output rows", "rows", Unit.COUNT, 1234, true),
                new SqlMetric("number of output batches", "batches", Unit.COUNT, 2, false),
                new SqlMetric("spill size", "spill", Unit.BYTES, 2048, true), new SqlMetric("number of spills", "spills", Unit.COUNT, 2, true)),
                List.of());
        SqlPlanNode root = new SqlPlanNode(0, "Limit 10", List.of(), List.of(sort));
        assertThat(root.treeString()).isEqualTo("Limit 10\n+- Sort [k] rows=1,234 spill=2.0 KiB (2 spills)\n");
        assertThat(root.nodes()).containsExactly(root, sort);
    }
}
