package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.BoundReference;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Count;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a partial aggregation's groups are worth keeping: only a large table whose keys probing rarely finds again is not. */
class GroupTableTest {
    private static final List<AggregateFunction> COUNT = List.of(new Count(List.of(new BoundReference(0, AtomicType.LONG, false, "k")), false));

    @Test
    void keysInRunsAreNotWorthKeeping() {
        GroupTable table = new GroupTable(List.of(AtomicType.LONG), COUNT);
        int groups = GroupTable.REVISIT_CHECK_GROUPS;
        fold(table, 0, groups - 1, 3);
        assertThat(table.rarelyRevisited()).as("below the size judged").isFalse();
        fold(table, groups - 1, groups + 10, 3);
        assertThat(table.size()).isEqualTo(groups + 10);
        assertThat(table.rarelyRevisited()).isTrue();
    }

    @Test
    void keysFoundAgainAreWorthKeeping() {
        GroupTable table = new GroupTable(List.of(AtomicType.LONG), COUNT);
        int groups = GroupTable.REVISIT_CHECK_GROUPS + 1600;
        fold(table, 0, groups, 1);
        fold(table, 0, groups / 15, 1);
        assertThat(table.size()).isEqualTo(groups);
        assertThat(table.rarelyRevisited()).as("one in fifteen found again").isFalse();
        GroupTable fewRepeats = new GroupTable(List.of(AtomicType.LONG), COUNT);
        fold(fewRepeats, 0, groups, 1);
        fold(fewRepeats, 0, groups / 17, 1);
        assertThat(fewRepeats.rarelyRevisited()).as("one in seventeen found again").isTrue();
    }

    /** Folds keys {@code [from, to)}, each {@code run} times in a row. */
    private static void fold(GroupTable table, int from, int to, int run) {
        int n = (to - from) * run;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = from + i / run;
        }
        ColumnVector column = new LongVector(AtomicType.LONG, n, keys, null);
        table.fold(new ColumnVector[] {column}, new ColumnVector[][] {{column}}, n);
    }
}
