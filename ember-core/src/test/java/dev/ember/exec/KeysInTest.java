package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.And;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.IsNull;
import dev.ember.expr.UnaryMinus;
import dev.ember.scheduler.MapOutputWriter;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.IntVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rows a key filter keeps: those whose key some row of a finished shuffle has, as a join compares keys. */
class KeysInTest {
    private static final BoundReference KEY = new BoundReference(0, AtomicType.INT, true, "k");
    /** Probe keys: 1, 2, NULL, 3, 3, 4. */
    private static final Batch PROBE = Batch.of(new IntVector(AtomicType.INT, 6, new int[] {1, 2, 0, 3, 3, 4},
            new boolean[] {false, false, true, false, false, false}));

    private final TaskContext context = TaskContext.detached(64 << 20);
    private int shuffles;

    @AfterEach
    void close() {
        context.shuffles().close();
        context.memory().close();
    }

    /** A key filter over the finished shuffle of {@code buildKeys} (an element may be NULL). */
    private KeysIn keysIn(boolean nullSafe, Integer... buildKeys) {
        AttributeReference key = new AttributeReference("b", AtomicType.INT, true, ExprId.next(), List.of());
        List<List<Object>> rows = new ArrayList<>();
        Arrays.stream(buildKeys).forEach(k -> rows.add(Arrays.asList((Object) k)));
        ShuffleExchangeExec exchange = new ShuffleExchangeExec(++shuffles, List.of(key), 1, true, new LocalTableScanExec(List.of(key), rows, 1));
        context.shuffles().register(exchange.shuffleId(), 1, exchange.blockFormat());
        try (MapOutputWriter writer = context.shuffles().writer(exchange.shuffleId(), 0, 1, context.memory())) {
            exchange.writeMapOutput(context, 0, writer);
            writer.publish();
        }
        ShuffleReadExec whole = new ShuffleReadExec(exchange, List.of(ShuffleReadExec.Spec.coalesced(0, 1)), "local");
        return new KeysIn(List.of(KEY), whole, exchange.keys(), List.of(nullSafe));
    }

    private int[] selected(Expression filter, int... rows) {
        int[] selected = new int[rows.length];
        try (TaskContext.Scope scope = context.enter()) {
            return Arrays.copyOf(selected, filter.select(PROBE, rows, rows.length, selected));
        }
    }

    @Test
    void keepsTheRowsWhoseKeyTheShuffleHasAndNoNullKey() {
        KeysIn filter = keysIn(false, 3, null, 1, 1, 7);
        assertThat(selected(filter, 0, 1, 2, 3, 4, 5)).containsExactly(0, 3, 4);
        // Only the rows given are probed, and the answer is written over them.
        int[] rows = {1, 2, 4, 5};
        try (TaskContext.Scope scope = context.enter()) {
            assertThat(filter.select(PROBE, rows, rows.length, rows)).isEqualTo(1);
        }
        assertThat(rows[0]).isEqualTo(4);
        try (TaskContext.Scope scope = context.enter()) {
            BooleanVector answers = (BooleanVector) filter.eval(PROBE);
            assertThat(answers.values()).containsExactly(true, false, false, true, true, false);
            assertThat(answers.mayHaveNulls()).isFalse();
        }
    }

    @Test
    void nullMatchesNullUnderNullSafeKeys() {
        assertThat(selected(keysIn(true, 3, null), 0, 1, 2, 3, 4, 5)).containsExactly(2, 3, 4);
        assertThat(selected(keysIn(true, 3), 0, 1, 2, 3, 4, 5)).containsExactly(3, 4);
    }

    @Test
    void keysTooFarApartForABitmapAreProbedInATable() {
        KeysIn filter = keysIn(false, 3, Integer.MAX_VALUE, null, Integer.MIN_VALUE);
        assertThat(selected(filter, 0, 1, 2, 3, 4, 5)).containsExactly(3, 4);
    }

    @Test
    void anEmptyShuffleKeepsNothing() {
        assertThat(selected(keysIn(false), 0, 1, 2, 3, 4, 5)).isEmpty();
        assertThat(selected(keysIn(true), 0, 1, 2, 3, 4, 5)).isEmpty();
    }

    @Test
    void asTheLastConjunctItProbesOnlyTheRowsTheOthersKeep() {
        Expression filter = new And(new IsNull(KEY, true), keysIn(false, 2, 4));
        assertThat(selected(filter, 0, 1, 2, 3, 4, 5)).containsExactly(1, 5);
    }

    @Test
    void keysAreTakenAtTheGivenRowsWhetherColumnsOrComputed() {
        // Column 1 holds the keys; the first conjunct keeps rows 1, 3 and 5 (column 0 is NULL at the others).
        Batch probe = Batch.of(
                new IntVector(AtomicType.INT, 6, new int[6], new boolean[] {true, false, true, false, true, false}),
                new IntVector(AtomicType.INT, 6, new int[] {2, 4, 2, -4, 4, 3}, null));
        BoundReference first = new BoundReference(0, AtomicType.INT, true, "a");
        BoundReference second = new BoundReference(1, AtomicType.INT, false, "b");
        int[] rows = {0, 1, 2, 3, 4, 5};
        try (TaskContext.Scope scope = context.enter()) {
            Expression byColumn = new And(new IsNull(first, true), keysIn(false, 4, 3).withNewChildren(List.of(second)));
            assertThat(byColumn.select(probe, rows, rows.length, new int[6])).isEqualTo(2);
            int[] selected = new int[6];
            Expression computed = new And(new IsNull(first, true), keysIn(false, 4).withNewChildren(List.of(new UnaryMinus(second))));
            assertThat(Arrays.copyOf(selected, computed.select(probe, rows, rows.length, selected))).containsExactly(3);
        }
    }

    @Test
    void theTasksOfAProcessShareOneTable() {
        KeysIn filter = keysIn(false, 1, 3);
        selected(filter, 0, 1);
        long shared = context.shuffles().sharedValues().reservedBytes();
        assertThat(shared).isPositive();
        TaskContext other = new TaskContext(0, 1, 0, 1, context.shuffles(), context.memory());
        try (TaskContext.Scope scope = other.enter()) {
            int[] rows = {0, 1, 2, 3};
            assertThat(filter.select(PROBE, rows, rows.length, rows)).isEqualTo(2);
        }
        assertThat(context.shuffles().sharedValues().reservedBytes()).isEqualTo(shared);
    }
}
