package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionSortTest {
    @Test
    void sortsLikeTheStableBoxedSortAtEverySize() {
        Random random = new Random(42);
        for (int count : new int[] {0, 1, 2, 31, 32, 33, 64, 65, 1000, 4099}) {
            // Few distinct keys, so that stability is visible.
            int[] keys = random.ints(count, 0, Math.max(1, count / 8)).toArray();
            Integer[] expected = new Integer[count];
            int[] actual = new int[count + 3];
            for (int i = 0; i < count; i++) {
                expected[i] = i;
                actual[i] = i;
            }
            Arrays.sort(expected, Comparator.comparingInt(p -> keys[p]));
            PositionSort.sort(actual, count, (a, b) -> Integer.compare(keys[a], keys[b]));
            assertThat(Arrays.copyOf(actual, count)).as("%d positions", count)
                    .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void leavesPositionsPastTheCountAlone() {
        int[] positions = {3, 2, 1, 0, 99};
        PositionSort.sort(positions, 4, Integer::compare);
        assertThat(positions).containsExactly(0, 1, 2, 3, 99);
    }
}
