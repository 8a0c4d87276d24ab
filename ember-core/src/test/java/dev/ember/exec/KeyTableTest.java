package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ColumnVector;
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
}
