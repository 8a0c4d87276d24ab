package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.BoundReference;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Count;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.Batch;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
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

    @Test
    void keysOfSmallDictionariesGroupAsTheirValuesWhateverTheDictionary() {
        List<AggregateFunction> count = List.of(new Count(List.of(new BoundReference(0, AtomicType.STRING, false, "k")), false));
        GroupTable table = new GroupTable(List.of(AtomicType.STRING, AtomicType.STRING), count);
        // the same values under a second dictionary in another order, then as plain strings and with a NULL
        foldStrings(table, dictionaryEncoded(new String[] {"A", "N", "R"}, 0, 1, 0, 2, 2), dictionaryEncoded(new String[] {"F", "O"}, 0, 0, 0, 1, 1));
        foldStrings(table, dictionaryEncoded(new String[] {"R", "A"}, 0, 1, 1), dictionaryEncoded(new String[] {"O", "F"}, 0, 1, 1));
        foldStrings(table, StringVector.of("N", "A"), StringVector.of("F", "O"));
        VectorBuilder withNull = VectorBuilder.create(AtomicType.STRING, 1);
        withNull.appendNull();
        foldStrings(table, dictionaryEncoded(new String[] {"A"}, 0), withNull.build());
        Batch out = table.output(false);
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (int g = 0; g < out.rowCount(); g++) {
            counts.put(out.column(0).getObject(g) + "," + out.column(1).getObject(g), (Long) out.column(2).getObject(g));
        }
        assertThat(counts).containsExactlyEntriesOf(new java.util.TreeMap<>(java.util.Map.of(
                "A,F", 4L, "A,null", 1L, "N,F", 2L, "R,O", 3L, "A,O", 1L)));
    }

    @Test
    void aSingleKeyOfDictionariesGroupsAsItsValues() {
        List<AggregateFunction> count = List.of(new Count(List.of(new BoundReference(0, AtomicType.STRING, false, "k")), false));
        GroupTable table = new GroupTable(List.of(AtomicType.STRING), count);
        for (StringVector keys : List.of(dictionaryEncoded(new String[] {"x", "y"}, 1, 1, 0), dictionaryEncoded(new String[] {"y", "z"}, 0, 1),
                StringVector.of("z", "x"))) {
            table.fold(new ColumnVector[] {keys}, new ColumnVector[][] {{keys}}, keys.size());
        }
        Batch out = table.output(false);
        assertThat(out.column(0).getObject(0)).isEqualTo("y");
        assertThat(out.column(1).getObject(0)).isEqualTo(3L);
        assertThat(out.column(0).getObject(1)).isEqualTo("x");
        assertThat(out.column(1).getObject(1)).isEqualTo(2L);
        assertThat(out.column(0).getObject(2)).isEqualTo("z");
        assertThat(out.column(1).getObject(2)).isEqualTo(2L);
    }

    private static StringVector dictionaryEncoded(String[] entries, int... ids) {
        StringVector dictionary = StringVector.of(entries);
        return StringVector.dictionaryEncoded(AtomicType.STRING, ids.length, dictionary.bytes(), offsets(dictionary), ids, null);
    }

    private static int[] offsets(StringVector values) {
        int[] offsets = new int[values.size() + 1];
        for (int i = 0; i < values.size(); i++) {
            offsets[i + 1] = values.start(i) + values.length(i);
        }
        return offsets;
    }

    private static void foldStrings(GroupTable table, ColumnVector first, ColumnVector second) {
        table.fold(new ColumnVector[] {first, second}, new ColumnVector[][] {{first}}, first.size());
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
