package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The combine map agrees with a HashMap fold, null keys and null combiners included, across growth and collisions. */
class CombineMapTest {
    /** Equal hash codes for different keys: every key probes past the others. */
    private record Colliding(int id) {
        @Override
        public int hashCode() {
            return 7;
        }
    }

    @Test
    void sumsPerKeyAsAHashMapWould() {
        CombineMap<String, Integer> combined = new CombineMap<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String key = i % 7 == 0 ? null : "w" + (i * 31 % 5_003);
            combined.merge(key, 1, v -> v, Integer::sum);
            expected.merge(key, 1, Integer::sum);
        }

        Map<String, Integer> actual = new HashMap<>();
        combined.forEach(actual::put);
        assertThat(actual).isEqualTo(expected);
        assertThat(combined.size()).isEqualTo(expected.size());
        assertThat(combined.pairs()).hasSize(expected.size());
    }

    @Test
    void shortStringsKeptInlineAndOtherKeysMixWithoutMistakes() {
        String[] keys = {"", "\0", "a\0", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgi", "é", "\u0100x", "x\u0100", "12345678", "1234567"};
        CombineMap<Object, Integer> combined = new CombineMap<>();
        Map<Object, Integer> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            Object key = i % 5 == 0 ? Integer.valueOf(i % 13) : keys[i % keys.length] + (i % 3 == 0 ? "" : Integer.toString(i % 97));
            combined.merge(key, 1, v -> v, Integer::sum);
            expected.merge(key, 1, Integer::sum);
        }

        Map<Object, Integer> actual = new HashMap<>();
        combined.forEach(actual::put);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void keepsNullCombinersAndCollidingKeysApart() {
        CombineMap<Colliding, String> combined = new CombineMap<>();
        for (int round = 0; round < 3; round++) {
            for (int id = 0; id < 200; id++) {
                combined.merge(new Colliding(id), id % 2 == 0 ? null : "x", v -> v, (c, v) -> c == null ? null : c + v);
            }
        }

        Map<Colliding, String> actual = new HashMap<>();
        combined.forEach(actual::put);
        assertThat(actual).hasSize(200);
        assertThat(actual.get(new Colliding(4))).isNull();
        assertThat(actual.containsKey(new Colliding(4))).isTrue();
        assertThat(actual.get(new Colliding(5))).isEqualTo("xxx");
    }
}
