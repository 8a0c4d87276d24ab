package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.util.ArrayList;
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
        KeyTable table = new KeyTable(List.of(AtomicType.LONG, AtomicType.STRING));
        ColumnVector[] keys = {new LongVector(AtomicType.LONG, 4, new long[] {1, 1, 2, 1}, null), StringVector.of("x", "y", "x", "x")};

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
}
