package dev.ember.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rows a bitmap of integer keys keeps: exactly those whose non-NULL key it was made of, wherever the probe's keys fall. */
class KeyBitmapTest {
    private static LongVector longs(long[] values, boolean[] nulls) {
        return new LongVector(AtomicType.LONG, values.length, values, nulls);
    }

    private static int[] selected(KeyBitmap bitmap, ColumnVector probe, int... rows) {
        int[] selected = new int[rows.length];
        return Arrays.copyOf(selected, bitmap.select(probe, rows, rows.length, selected));
    }

    @Test
    void keepsTheRowsWhoseKeyItHoldsAndNoNullKey() {
        KeyBitmap bitmap = KeyBitmap.of(new IntVector(AtomicType.INT, 5, new int[] {3, 0, -2, 9, 3}, new boolean[] {false, true, false, false, false}));
        // 0 was NULL when the bitmap was made, and is NULL again at row 6 of the probe.
        IntVector probe = new IntVector(AtomicType.INT, 8, new int[] {3, 0, -2, -3, 10, 9, 3, Integer.MIN_VALUE},
                new boolean[] {false, false, false, false, false, false, true, false});
        assertThat(selected(bitmap, probe, 0, 1, 2, 3, 4, 5, 6, 7)).containsExactly(0, 2, 5);
        // Only the rows given, the answer written over them.
        int[] rows = {1, 2, 5, 6};
        assertThat(bitmap.select(probe, rows, rows.length, rows)).isEqualTo(2);
        assertThat(Arrays.copyOf(rows, 2)).containsExactly(2, 5);
    }

    @Test
    void longKeysAtTheEdgesOfTheRangeAndBeyondIt() {
        KeyBitmap bitmap = KeyBitmap.of(longs(new long[] {-5, 60, 63, 64, 1000}, null));
        LongVector probe = longs(new long[] {-5, -6, 1000, 1001, 64, 65, Long.MIN_VALUE, Long.MAX_VALUE, 63, 0}, null);
        assertThat(selected(bitmap, probe, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)).containsExactly(0, 2, 4, 8);
        // Near the largest longs: a probe's difference from the least wraps around, and is still outside.
        KeyBitmap high = KeyBitmap.of(longs(new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 70}, null));
        LongVector far = longs(new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 70, -1, Long.MAX_VALUE, Long.MAX_VALUE - 1}, null);
        assertThat(selected(high, far, 0, 1, 2, 3, 4)).containsExactly(3);
    }

    @Test
    void agreesWithASetOverRandomKeys() {
        Random random = new Random(7);
        long[] keys = random.longs(300, -2_000, 2_000).toArray();
        Set<Long> set = new HashSet<>();
        Arrays.stream(keys).forEach(set::add);
        KeyBitmap bitmap = KeyBitmap.of(longs(keys, null));
        long[] probe = random.longs(5_000, -3_000, 3_000).toArray();
        int[] rows = new int[probe.length];
        Arrays.setAll(rows, i -> i);
        int[] expected = Arrays.stream(rows).filter(i -> set.contains(probe[i])).toArray();
        assertThat(selected(bitmap, longs(probe, null), rows)).containsExactly(expected);
    }

    @Test
    void noKeysHoldNothing() {
        KeyBitmap bitmap = KeyBitmap.of(longs(new long[] {7}, new boolean[] {true}));
        assertThat(selected(bitmap, longs(new long[] {7, 0, -1}, null), 0, 1, 2)).isEmpty();
    }

    @Test
    void aRangeTooWideForItsKeysTakesATable() {
        assertThat(KeyBitmap.of(longs(new long[] {0, (1L << 20) - 1}, null))).isNotNull();
        assertThat(KeyBitmap.of(longs(new long[] {0, 1L << 40}, null))).isNull();
        // A span larger than any long.
        assertThat(KeyBitmap.of(longs(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, null))).isNull();
        // Wider than the floor, but narrow enough for as many keys.
        long[] many = new long[10_000];
        Arrays.setAll(many, i -> 250L * i);
        assertThat(KeyBitmap.of(longs(many, null))).isNotNull();
    }
}
