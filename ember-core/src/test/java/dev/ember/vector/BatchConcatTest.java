package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concatenated batches, and rows gathered from several batches, hold every value and null of their
 * parts, in order, whatever the vector layout.
 */
class BatchConcatTest {
    private static final DecimalType MONEY = new DecimalType(12, 2);
    private static final List<DataType> TYPES = List.of(AtomicType.LONG, AtomicType.INT, AtomicType.DOUBLE, MONEY, AtomicType.STRING);

    private static Batch batch(Object[]... rows) {
        List<ColumnVector> columns = new ArrayList<>();
        for (int c = 0; c < TYPES.size(); c++) {
            VectorBuilder builder = VectorBuilder.create(TYPES.get(c), rows.length);
            for (Object[] row : rows) {
                builder.appendObject(row[c]);
            }
            columns.add(builder.build());
        }
        return new Batch(columns, rows.length);
    }

    private static List<List<Object>> rows(Batch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < batch.columnCount(); c++) {
                row.add(batch.column(c).getObject(r));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void keepsValuesAndNullsOfEveryPartInOrder() {
        Batch first = batch(new Object[] {1L, 10, 1.5, new BigDecimal("1.25"), "a"}, new Object[] {2L, 20, 2.5, new BigDecimal("2.50"), "bb"});
        Batch withNulls = batch(new Object[] {null, null, null, null, null}, new Object[] {3L, 30, -0.5, new BigDecimal("-3.75"), ""});
        Batch all = Batch.concat(List.of(first, withNulls), TYPES, 4);

        List<List<Object>> expected = new ArrayList<>(rows(first));
        expected.addAll(rows(withNulls));
        assertThat(rows(all)).isEqualTo(expected);
        assertThat(all.column(0).isNull(2)).isTrue();
        assertThat(all.column(0).isNull(1)).isFalse();
    }

    @Test
    void decimalsBeyondALongAreCopiedToo() {
        DecimalType wide = new DecimalType(30, 2);
        Batch small = new Batch(List.of(new DecimalVector(wide, 1, new long[] {125}, null)), 1);
        Batch large = new Batch(List.of(new DecimalVector(wide, 2, new BigDecimal[] {new BigDecimal("123456789012345678901.50"), null},
                new boolean[] {false, true})), 2);

        Batch all = Batch.concat(List.of(small, large), List.of(wide), 3);

        assertThat(Arrays.asList(all.column(0).getObject(0), all.column(0).getObject(1), all.column(0).getObject(2)))
                .containsExactly(new BigDecimal("1.25"), new BigDecimal("123456789012345678901.50"), null);
    }

    @Test
    void noBatchesMakeAnEmptyBatchOfTheTypes() {
        Batch empty = Batch.concat(List.of(), TYPES, 0);

        assertThat(empty.rowCount()).isZero();
        assertThat(Arrays.asList(empty.columns().stream().map(ColumnVector::type).toArray())).isEqualTo(TYPES);
    }

    @Test
    void gathersTheChosenRowsOfEachBatchBatchAfterBatch() {
        Batch first = batch(new Object[] {1L, 10, 1.5, new BigDecimal("1.25"), "a"}, new Object[] {2L, 20, 2.5, new BigDecimal("2.50"), "bb"},
                new Object[] {4L, 40, 4.5, new BigDecimal("4.00"), "dddd"});
        Batch withNulls = batch(new Object[] {null, null, null, null, null}, new Object[] {3L, 30, -0.5, new BigDecimal("-3.75"), ""});

        Batch gathered = Batch.gather(List.of(first, withNulls), new int[][] {{2, 0, 9}, {1, 0}}, new int[] {2, 2}, TYPES);

        assertThat(rows(gathered)).isEqualTo(List.of(rows(first).get(2), rows(first).get(0), rows(withNulls).get(1), rows(withNulls).get(0)));
        assertThat(gathered.column(4).isNull(3)).isTrue();
    }

    @Test
    void gatheredStringsOfOneDictionaryKeepIt() {
        byte[] entries = "xyz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] offsets = {0, 1, 2, 3};
        StringVector one = StringVector.dictionaryEncoded(AtomicType.STRING, 2, entries, offsets, new int[] {2, 0}, null);
        StringVector other = StringVector.dictionaryEncoded(AtomicType.STRING, 2, entries, offsets, new int[] {1, 1}, new boolean[] {true, false});
        List<Batch> batches = List.of(new Batch(List.of(one), 2), new Batch(List.of(other), 2));

        Batch gathered = Batch.gather(batches, new int[][] {{1, 0}, {0, 1}}, new int[] {2, 2}, List.of(AtomicType.STRING));

        assertThat(((StringVector) gathered.column(0)).isDictionaryEncoded()).isTrue();
        assertThat(rows(gathered)).isEqualTo(List.of(List.of("x"), List.of("z"), Arrays.asList((Object) null), List.of("y")));
    }

    private static StringVector encoded(String entries, int[] ids) {
        int[] offsets = new int[entries.length() + 1];
        Arrays.setAll(offsets, e -> e);
        return StringVector.dictionaryEncoded(AtomicType.STRING, ids.length, entries.getBytes(java.nio.charset.StandardCharsets.UTF_8), offsets, ids, null);
    }

    @Test
    void stringsOfSeveralDictionariesBecomeIdsOfOneHoldingEachValueOnce() {
        StringVector first = encoded("xy", new int[] {1, 0, 1});
        StringVector second = encoded("yz", new int[] {0, 1, 1});
        List<Batch> batches = List.of(new Batch(List.of(first), 3), new Batch(List.of(second), 3));

        StringVector all = (StringVector) Batch.concat(batches, List.of(AtomicType.STRING), 6).column(0);
        StringVector gathered = (StringVector) Batch.gather(batches, new int[][] {{1, 2, 0}, {2, 0}}, new int[] {3, 2}, List.of(AtomicType.STRING)).column(0);

        assertThat(all.isDictionaryEncoded()).isTrue();
        assertThat(all.dictionary().size()).as("x, y, z").isEqualTo(3);
        assertThat(rows(new Batch(List.of(all), 6))).extracting(row -> row.get(0)).containsExactly("y", "x", "y", "y", "z", "z");
        assertThat(all.ids()[0]).isEqualTo(all.ids()[3]);
        assertThat(gathered.isDictionaryEncoded()).isTrue();
        assertThat(rows(new Batch(List.of(gathered), 5))).extracting(row -> row.get(0)).containsExactly("x", "y", "y", "z", "y");
    }

    @Test
    void stringsOfDictionariesLargerThanTheirRowsAreCopied() {
        StringVector first = encoded("abcdef", new int[] {5});
        StringVector second = encoded("uvwxyz", new int[] {0});

        StringVector all = (StringVector) Batch.concat(List.of(new Batch(List.of(first), 1), new Batch(List.of(second), 1)),
                List.of(AtomicType.STRING), 2).column(0);

        assertThat(all.isDictionaryEncoded()).isFalse();
        assertThat(List.of(all.getString(0), all.getString(1))).containsExactly("f", "u");
    }

    @Test
    void gathersValuesOfOtherLayoutsOneByOne() {
        BooleanVector flags = new BooleanVector(2, new boolean[] {true, false}, null);
        BooleanVector more = new BooleanVector(1, new boolean[] {true}, new boolean[] {true});
        List<Batch> batches = List.of(new Batch(List.of(flags), 2), new Batch(List.of(more), 1));

        Batch gathered = Batch.gather(batches, new int[][] {{1}, {0}}, new int[] {1, 1}, List.of(AtomicType.BOOLEAN));

        assertThat(rows(gathered)).isEqualTo(List.of(List.of(false), Arrays.asList((Object) null)));
    }
}
