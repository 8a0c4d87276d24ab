package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ids agree with a map from key to first appearance, whether keys are compared inline (short strings) or by their bytes. */
class KeyTableTest {
    /** Short and long strings, equal prefixes, zero bytes, the empty string and NULL side by side. */
    private static final String[] TRICKY = {"", "a", "a\0", "\0", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgh\0", "ab", "ba",
            "héllo", "héllo wörld", null, "\0\0", "abcdefgi"};

    @Test
    void stringKeysGetOneIdEachAcrossBatchesAndGrowth() {
        KeyTable table = new KeyTable(List.of(AtomicType.STRING));
        Map<String, Integer> firstSeen = new HashMap<>();
        List<String> all = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            String[] values = new String[500];
            for (int i = 0; i < values.length; i++) {
                int n = (batch * 7919 + i * 104729) % 3000;
                values[i] = n < TRICKY.length ? TRICKY[n] : n % 2 == 0 ? "w" + n : "longer-word-" + n;
            }
            int[] ids = table.findOrInsert(new ColumnVector[] {StringVector.of(values)}, values.length);
            for (int i = 0; i < values.length; i++) {
                Integer expected = firstSeen.get(values[i]);
                if (expected == null && !firstSeen.containsKey(values[i])) {
                    expected = firstSeen.size();
                    firstSeen.put(values[i], expected);
                    all.add(values[i]);
                }
                assertThat(ids[i]).as("id of %s", values[i]).isEqualTo(expected);
            }
        }
        assertThat(table.size()).isEqualTo(firstSeen.size());
        int[] found = table.find(new ColumnVector[] {StringVector.of(TRICKY)}, TRICKY.length);
        for (int i = 0; i < TRICKY.length; i++) {
            assertThat(found[i]).isEqualTo(firstSeen.getOrDefault(TRICKY[i], -1));
        }
        assertThat(table.find(new ColumnVector[] {StringVector.of("absent", "abcdefgj", "\0a")}, 3)).containsExactly(-1, -1, -1);
    }

    @Test
    void keysOfDictionaryEncodedStringsStayIdsOfOneDictionary() {
        KeyTable table = new KeyTable(List.of(AtomicType.STRING));
        byte[] entries = "MEDIUM BRUSHED TINPROMO BURNISHED COPPER".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] offsets = {0, 18, 40};
        table.findOrInsert(new ColumnVector[] {StringVector.dictionaryEncoded(AtomicType.STRING, 2, entries, offsets, new int[] {1, 1}, null)}, 2);
        table.findOrInsert(new ColumnVector[] {StringVector.dictionaryEncoded(AtomicType.STRING, 2, entries, offsets, new int[] {0, 1}, null)}, 2);

        StringVector keys = (StringVector) table.keys()[0];

        assertThat(keys.isDictionaryEncoded()).isTrue();
        assertThat(List.of(keys.getString(0), keys.getString(1))).containsExactly("PROMO BURNISHED COPPER", "MEDIUM BRUSHED TIN");
    }

    @Test
    void inlineCodesTellShortStringsApartAndLeaveTheRestToTheBytes() {
        StringVector strings = StringVector.of(TRICKY);
        Map<Long, String> byCode = new HashMap<>();
        for (int i = 0; i < TRICKY.length; i++) {
            long code = strings.inlineCode(i);
            String value = TRICKY[i];
            boolean inline = value != null && !value.isEmpty() && value.indexOf('\0') < 0 && strings.length(i) <= 8;
            assertThat(code != 0).as("inline code of %s", value).isEqualTo(inline);
            if (code != 0) {
                assertThat(byCode.put(code, value)).as("code of %s", value).isNull();
            }
        }
    }

    @Test
    void otherKeysAreComparedByValue() {
        KeyTable table = new KeyTable(List.of(AtomicType.DOUBLE, AtomicType.STRING));
        ColumnVector[] keys = {new DoubleVector(4, new double[] {1, 1, 2, 1}, null), StringVector.of("x", "y", "x", "x")};

        assertThat(table.findOrInsert(keys, 4)).containsExactly(0, 1, 2, 0);
    }

    @Test
    void integerKeysWithNullsGetOneIdEach() {
        KeyTable table = new KeyTable(List.of(AtomicType.LONG));
        long[] values = {0, 5, 0, -1, 5, 0, Long.MIN_VALUE, 0};
        boolean[] nulls = {false, false, true, false, false, true, false, false};
        ColumnVector[] keys = {new LongVector(AtomicType.LONG, values.length, values, nulls)};

        assertThat(table.findOrInsert(keys, values.length)).containsExactly(0, 1, 2, 3, 1, 2, 4, 0);
        assertThat(table.find(keys, values.length)).containsExactly(0, 1, 2, 3, 1, 2, 4, 0);
        assertThat(table.find(new ColumnVector[] {new LongVector(AtomicType.LONG, 2, new long[] {7, 0}, new boolean[] {false, true})}, 2))
                .containsExactly(-1, 2);
    }

    @Test
    void pairsOfIntsAreOneCodeAndNullsStayApart() {
        KeyTable table = new KeyTable(List.of(AtomicType.INT, AtomicType.DATE));
        int[] high = {1, 1, 0, 1, 0, 1};
        int[] low = {-1, 2, 1, -1, 1, 0};
        boolean[] highNulls = {false, false, false, false, true, true};
        boolean[] lowNulls = {false, false, false, false, false, true};
        ColumnVector[] keys = {new IntVector(AtomicType.INT, 6, high, highNulls), new IntVector(AtomicType.DATE, 6, low, lowNulls)};

        assertThat(table.findOrInsert(keys, 6)).containsExactly(0, 1, 2, 0, 3, 4);
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            int n = 5000;
            int[] a = new int[n];
            int[] b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = (i * 31 + round) % 97 - 40;
                b[i] = (i * 17) % 89 - 40;
            }
            int[] ids = table.findOrInsert(new ColumnVector[] {new IntVector(AtomicType.INT, n, a, null), new IntVector(AtomicType.DATE, n, b, null)}, n);
            for (int i = 0; i < n; i++) {
                String key = a[i] + "," + b[i];
                int expected = key.equals("1,-1") ? 0 : key.equals("1,2") ? 1 : key.equals("0,1") ? 2
                        : firstSeen.computeIfAbsent(key, k -> 5 + firstSeen.size());
                assertThat(ids[i]).as("id of %s", key).isEqualTo(expected);
            }
        }
    }

    @Test
    void shortStringsAndIntegersPackIntoOneCodeWithoutMixingUpTuples() {
        // ("abcd", "e") and ("abcde", "a") would share a code were a fifth byte let into the second column
        String[] strings = {"a", "b", "e", "ab", "ba", "abcd", "abcde", "", null, "a\0", "\0"};
        Integer[] ints = {0, 1, -1, null, Integer.MAX_VALUE, Integer.MIN_VALUE};
        List<List<Object>> tuples = new ArrayList<>();
        for (String first : strings) {
            for (String second : strings) {
                tuples.add(java.util.Arrays.asList(first, second));
            }
        }
        checkAgainstFirstAppearance(List.of(AtomicType.STRING, AtomicType.STRING), tuples);
        List<List<Object>> intFirst = new ArrayList<>();
        List<List<Object>> stringFirst = new ArrayList<>();
        for (Integer number : ints) {
            for (String string : strings) {
                intFirst.add(java.util.Arrays.asList(number, string));
                stringFirst.add(java.util.Arrays.asList(string, number));
            }
        }
        checkAgainstFirstAppearance(List.of(AtomicType.INT, AtomicType.STRING), intFirst);
        checkAgainstFirstAppearance(List.of(AtomicType.STRING, AtomicType.INT), stringFirst);
        List<List<Object>> triples = new ArrayList<>();
        for (String first : strings) {
            triples.add(java.util.Arrays.asList(first, "ab", first));
            triples.add(java.util.Arrays.asList("ab", first, "a"));
        }
        checkAgainstFirstAppearance(List.of(AtomicType.STRING, AtomicType.STRING, AtomicType.STRING), triples);
    }

    @Test
    void bigintsPackWhileTheyFitThirtyTwoBitsAndAreComparedByValueBeyond() {
        // 1 and 2^32 + 1 share their low 32 bits, as do -1 and 2^32 - 1, and MIN_VALUE and 0
        Long[] longs = {0L, 1L, -1L, (1L << 32) + 1, (1L << 32) - 1, (long) Integer.MIN_VALUE, Integer.MIN_VALUE - 1L,
            (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, null};
        String[] strings = {"a", "abcde", "", null};
        List<List<Object>> pairs = new ArrayList<>();
        List<List<Object>> withStrings = new ArrayList<>();
        for (Long first : longs) {
            for (Long second : longs) {
                pairs.add(java.util.Arrays.asList(first, second));
            }
            for (String string : strings) {
                withStrings.add(java.util.Arrays.asList(first, string));
            }
        }
        checkAgainstFirstAppearance(List.of(AtomicType.LONG, AtomicType.LONG), pairs);
        checkAgainstFirstAppearance(List.of(AtomicType.LONG, AtomicType.STRING), withStrings);
    }

    @Test
    void distinctKeysAreEstimatedFromTheirHashes() {
        // Many keys to within a few percent; few keys among many rows to within the sample's grain (rows / 8K), not the rows.
        int[][] cases = {{0, 0}, {5, 3}, {10_000, 10_000}, {1_500_000, 1_500_000}, {1_500_000, 100_000}, {3_000_000, 40}};
        for (int[] rowsAndKeys : cases) {
            int rows = rowsAndKeys[0];
            int distinct = rowsAndKeys[1];
            long[] values = new long[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = (i * 7919L) % Math.max(distinct, 1) * 31;
            }
            int[] hashes = KeyTable.hash(new ColumnVector[] {new LongVector(AtomicType.LONG, rows, values, null)}, rows);
            int tolerance = Math.max(distinct / 20, rows >> 12);

            assertThat(KeyTable.distinctEstimate(hashes, rows)).as("%d rows of %d keys", rows, distinct)
                    .isBetween(distinct - tolerance, distinct + tolerance);
        }
    }

    @Test
    void insertingAllRowsAtOnceGivesTheIdsOfFindOrInsert() {
        int n = 50_000;
        long[] values = new long[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i * 37L) % 20_011 - 10_000;
            nulls[i] = i % 101 == 0;
        }
        ColumnVector[] keys = {new LongVector(AtomicType.LONG, n, values, nulls), new IntVector(AtomicType.INT, n, new int[n], null)};
        KeyTable table = new KeyTable(List.of(AtomicType.LONG, AtomicType.INT));

        assertThat(table.insertAll(keys, n)).containsExactly(new KeyTable(List.of(AtomicType.LONG, AtomicType.INT)).findOrInsert(keys, n));
        assertThat(table.find(keys, n)).containsExactly(table.findOrInsert(keys, n));
    }

    @Test
    void runsOfOneKeyTakeTheIdOfTheRowBefore() {
        KeyTable table = new KeyTable(List.of(AtomicType.LONG));
        long[] values = {7, 7, 7, 3, 3, 7, 0, 0, 0};
        boolean[] nulls = {false, false, false, false, false, false, false, true, true};
        ColumnVector[] keys = {new LongVector(AtomicType.LONG, values.length, values, nulls)};

        assertThat(table.findOrInsert(keys, values.length)).containsExactly(0, 0, 0, 1, 1, 0, 2, 3, 3);
        assertThat(table.find(keys, values.length)).containsExactly(0, 0, 0, 1, 1, 0, 2, 3, 3);
        ColumnVector[] absent = {new LongVector(AtomicType.LONG, 3, new long[] {9, 9, 3}, null)};
        assertThat(table.find(absent, 3)).containsExactly(-1, -1, 1);
    }

    @Test
    void theProbeFilterPassesFewKeysThatAreNotInTheTable() {
        long[] present = new long[10_000];
        long[] absent = new long[100_000];
        Arrays.setAll(present, i -> 2L * i);
        Arrays.setAll(absent, i -> 2L * i + 1);
        KeyTable table = new KeyTable(List.of(AtomicType.LONG));
        table.insertAll(new ColumnVector[] {new LongVector(AtomicType.LONG, present.length, present, null)}, present.length);
        table.filterProbes();
        int[] hashes = KeyTable.hash(new ColumnVector[] {new LongVector(AtomicType.LONG, absent.length, absent, null)}, absent.length);
        int passed = Arrays.stream(hashes).map(table::filtered).sum();
        // Two bits a key at 26 bits a key: about 0.6% of misses pass (one bit a key let 3.8% through).
        assertThat(passed).isLessThan(absent.length / 50);
    }

    @Test
    void filteredProbesFindExactlyTheKeysInTheTableAlsoAfterGrowth() {
        KeyTable longs = new KeyTable(List.of(AtomicType.LONG));
        KeyTable strings = new KeyTable(List.of(AtomicType.STRING));
        longs.filterProbes();
        strings.filterProbes();
        Map<Long, Integer> ids = new HashMap<>();
        // Keys added in batches after the filter is on, through several rehashes of the slots.
        for (int batch = 0; batch < 6; batch++) {
            long[] keys = new long[100];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (batch * 100L + i) * 37;
                ids.put(keys[i], ids.size());
            }
            longs.findOrInsert(new ColumnVector[] {new LongVector(AtomicType.LONG, keys.length, keys, null)}, keys.length);
            strings.findOrInsert(new ColumnVector[] {StringVector.of(asStrings(keys))}, keys.length);
        }
        // Probes that mostly miss (the few candidates gathered) and that mostly hit (probed in place), NULLs and runs among them.
        for (int stride : new int[] {1, 37}) {
            long[] probes = new long[5000];
            boolean[] nulls = new boolean[probes.length];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = (i / 3) * stride;
                nulls[i] = i % 11 == 0;
            }
            int[] fromLongs = longs.find(new ColumnVector[] {new LongVector(AtomicType.LONG, probes.length, probes, nulls)}, probes.length);
            String[] texts = asStrings(probes);
            for (int i = 0; i < probes.length; i++) {
                texts[i] = nulls[i] ? null : texts[i];
            }
            KeyTable.Found fromStrings = strings.findPresent(new ColumnVector[] {StringVector.of(texts)}, probes.length);
            int f = 0;
            for (int i = 0; i < probes.length; i++) {
                int expected = nulls[i] ? -1 : ids.getOrDefault(probes[i], -1);
                assertThat(fromLongs[i]).as("id of %s", probes[i]).isEqualTo(expected);
                if (expected >= 0) {
                    assertThat(fromStrings.rows()[f]).isEqualTo(i);
                    assertThat(fromStrings.ids()[f++]).as("id of %s", texts[i]).isEqualTo(expected);
                }
            }
            assertThat(fromStrings.count()).isEqualTo(f);
        }
    }

    /** Each key as a string, short ones inline and long ones (over 8 bytes) by their bytes. */
    private static String[] asStrings(long[] keys) {
        String[] strings = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            strings[i] = keys[i] % 2 == 0 ? Long.toString(keys[i]) : "long-key-" + keys[i];
        }
        return strings;
    }

    /**
     * Folds the tuples in two batches, each tuple twice in a row (runs), once as plain vectors and
     * once with the strings dictionary-encoded, and checks ids against first appearance.
     */
    private static void checkAgainstFirstAppearance(List<dev.ember.sql.types.DataType> types, List<List<Object>> tuples) {
        for (boolean encoded : new boolean[] {false, true}) {
            KeyTable table = new KeyTable(types);
            Map<List<Object>, Integer> firstSeen = new HashMap<>();
            for (int batch = 0; batch < 2; batch++) {
                List<List<Object>> rows = new ArrayList<>();
                for (int t = batch; t < tuples.size(); t += 2) {
                    rows.add(tuples.get(t));
                    rows.add(tuples.get(t));
                    rows.add(tuples.get((t * 7) % tuples.size()));
                }
                ColumnVector[] columns = new ColumnVector[types.size()];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = column(types.get(c), rows, c, encoded);
                }
                assertCodesTellTuplesApart(types, columns, rows);
                int[] ids = table.findOrInsert(columns, rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    int expected = firstSeen.computeIfAbsent(rows.get(i), k -> firstSeen.size());
                    assertThat(ids[i]).as("id of %s", rows.get(i)).isEqualTo(expected);
                }
                assertThat(table.find(columns, rows.size())).containsExactly(ids);
            }
            assertThat(table.size()).isEqualTo(firstSeen.size());
        }
    }

    /** Rows with a code have equal codes exactly when their tuples are equal (hash tables trust codes once hashes agree). */
    private static void assertCodesTellTuplesApart(List<dev.ember.sql.types.DataType> types, ColumnVector[] columns, List<List<Object>> rows) {
        boolean[] coded = new boolean[rows.size()];
        long[] codes = KeyCode.of(types).codes(columns, rows.size(), coded);
        Map<Long, List<Object>> byCode = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> tuple = rows.get(i);
            if (coded[i]) {
                assertThat(byCode.computeIfAbsent(codes[i], code -> tuple)).as("tuple of code %x", codes[i]).isEqualTo(tuple);
            }
        }
    }

    private static ColumnVector column(dev.ember.sql.types.DataType type, List<List<Object>> rows, int c, boolean encoded) {
        int n = rows.size();
        boolean[] nulls = new boolean[n];
        if (type == AtomicType.INT) {
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                Object value = rows.get(i).get(c);
                nulls[i] = value == null;
                values[i] = value == null ? 12345 : (Integer) value;
            }
            return new IntVector(AtomicType.INT, n, values, nulls);
        }
        if (type == AtomicType.LONG) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                Object value = rows.get(i).get(c);
                nulls[i] = value == null;
                values[i] = value == null ? 12345 : (Long) value;
            }
            return new LongVector(AtomicType.LONG, n, values, nulls);
        }
        String[] values = rows.stream().map(row -> (String) row.get(c)).toArray(String[]::new);
        StringVector plain = StringVector.of(values);
        if (!encoded) {
            return plain;
        }
        List<String> entries = new ArrayList<>();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            String value = values[i] == null ? "" : values[i];
            nulls[i] = values[i] == null;
            if (!entries.contains(value)) {
                entries.add(value);
            }
            ids[i] = entries.indexOf(value);
        }
        StringVector dictionary = StringVector.of(entries.toArray(String[]::new));
        int[] offsets = new int[entries.size() + 1];
        for (int e = 0; e < entries.size(); e++) {
            offsets[e + 1] = offsets[e] + dictionary.length(e);
        }
        byte[] bytes = java.util.Arrays.copyOf(dictionary.bytes(), offsets[entries.size()]);
        return StringVector.dictionaryEncoded(AtomicType.STRING, n, bytes, offsets, ids, nulls);
    }
}
