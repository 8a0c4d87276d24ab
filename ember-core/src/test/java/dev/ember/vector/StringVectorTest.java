package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A dictionary-encoded vector behaves as the plain vector of the same values, whichever side each is on. */
class StringVectorTest {
    /** Dictionary "b", "", "a", "ab"; entries are not in order, and one is unused. */
    private static final byte[] DICTIONARY = "zbaab".getBytes(StandardCharsets.UTF_8);
    private static final int[] ENTRY_OFFSETS = {1, 2, 2, 3, 5};
    /** Positions: "a", "b", null (id 0), "ab", "", "a". */
    private static final int[] IDS = {2, 0, 0, 3, 1, 2, 99};
    private static final boolean[] NULLS = {false, false, true, false, false, false};

    private static StringVector encoded() {
        return StringVector.dictionaryEncoded(AtomicType.STRING, 6, DICTIONARY, ENTRY_OFFSETS, IDS, NULLS);
    }

    private static StringVector plain() {
        return StringVector.of("a", "b", null, "ab", "", "a");
    }

    private static Object[] values(ColumnVector vector) {
        Object[] values = new Object[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.getObject(i);
        }
        return values;
    }

    @Test
    void readsEachPositionThroughItsEntry() {
        StringVector encoded = encoded();
        assertThat(encoded.isDictionaryEncoded()).isTrue();
        assertThat(plain().isDictionaryEncoded()).isFalse();
        assertThat(values(encoded)).containsExactly("a", "b", null, "ab", "", "a");
        assertThat(encoded.getBytes(3)).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(encoded.bytes(), encoded.start(3), encoded.length(3), StandardCharsets.UTF_8)).isEqualTo("ab");
        assertThat(encoded.length(4)).isZero();
    }

    @Test
    void comparesEqualsAndHashesAsThePlainVector() {
        StringVector encoded = encoded();
        StringVector plain = plain();
        int[] encodedHashes = new int[6];
        int[] plainHashes = new int[6];
        encoded.hashInto(encodedHashes);
        plain.hashInto(plainHashes);
        assertThat(encodedHashes).containsExactly(plainHashes);
        assertThat(encoded.inlineCodes(6)).containsExactly(plain.inlineCodes(6));
        assertThat(encoded.inlineCodes(6)[2]).as("NULL has no code").isZero();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (NULLS[i] || NULLS[j]) {
                    continue;
                }
                int expected = Integer.signum(plain.compareAt(i, plain, j));
                assertThat(Integer.signum(encoded.compareAt(i, plain, j))).as("%d vs %d", i, j).isEqualTo(expected);
                assertThat(Integer.signum(plain.compareAt(i, encoded, j))).as("%d vs %d", i, j).isEqualTo(expected);
                assertThat(Integer.signum(encoded.compareAt(i, encoded, j))).as("%d vs %d", i, j).isEqualTo(expected);
                assertThat(encoded.equalsAt(i, plain, j)).as("%d vs %d", i, j).isEqualTo(expected == 0);
                assertThat(plain.equalsAt(i, encoded, j)).as("%d vs %d", i, j).isEqualTo(expected == 0);
            }
        }
    }

    @Test
    void ranksOrderAsTheValuesAndRepeatedEntriesRankAlike() {
        // Entries "b", "a", "b", "": the dictionary repeats "b".
        byte[] entries = "bab".getBytes(StandardCharsets.UTF_8);
        StringVector repeated = StringVector.dictionaryEncoded(AtomicType.STRING, 5, entries, new int[] {0, 1, 2, 3, 3},
                new int[] {0, 1, 2, 3, 2}, new boolean[] {false, false, false, false, true});
        IntVector ranks = repeated.ranks();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(Integer.signum(ranks.compareAt(i, ranks, j))).as("%d vs %d", i, j)
                        .isEqualTo(Integer.signum(repeated.compareAt(i, repeated, j)));
            }
        }
        assertThat(ranks.isNull(4)).isTrue();
        assertThat(repeated.equalsAt(0, repeated, 2)).as("equal values of two entries").isTrue();
        assertThat(plain().ranks()).as("not dictionary-encoded").isNull();
        assertThat(((StringVector) encoded().gather(new int[] {0, 1}, 2)).ranks()).as("more entries than values").isNull();
    }

    @Test
    void gatheringKeepsTheDictionaryAndMovesOnlyIds() {
        StringVector gathered = (StringVector) encoded().gather(new int[] {5, 2, 3, 3, 0}, 5);
        assertThat(gathered.isDictionaryEncoded()).isTrue();
        assertThat(gathered.bytes()).isSameAs(DICTIONARY);
        assertThat(values(gathered)).containsExactly("a", null, "ab", "ab", "a");
        assertThat(values(plain().gather(new int[] {5, 2, 3, 3, 0}, 5))).containsExactly(values(gathered));
    }

    @Test
    void buildersCopyTheValuesOut() {
        StringVector encoded = encoded();
        VectorBuilder builder = VectorBuilder.create(AtomicType.STRING, 6);
        for (int i = 5; i >= 0; i--) {
            builder.appendFrom(encoded, i);
        }
        StringVector copied = (StringVector) builder.build();
        assertThat(copied.isDictionaryEncoded()).isFalse();
        assertThat(values(copied)).containsExactly("a", "", "ab", null, "b", "a");
    }

    @Test
    void retypingSharesTheEntries() {
        StringVector binary = encoded().retype(AtomicType.BINARY);
        assertThat(binary.type()).isEqualTo(AtomicType.BINARY);
        assertThat(binary.isDictionaryEncoded()).isTrue();
        assertThat((byte[]) binary.getObject(3)).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
        assertThat(binary.isNull(2)).isTrue();
        assertThat(values(binary.retype(AtomicType.STRING))).containsExactly(values(encoded()));
    }

    @Test
    void countsTheDictionaryAndTheIds() {
        assertThat(encoded().retainedBytes()).isEqualTo(DICTIONARY.length + 4L * ENTRY_OFFSETS.length + 4L * IDS.length + NULLS.length);
        assertThat(Arrays.equals(IDS, new int[] {2, 0, 0, 3, 1, 2, 99})).as("ids left alone").isTrue();
    }
}
