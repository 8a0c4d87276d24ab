package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.LocalFiles;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.ReadOptions;
import dev.ember.source.WriteOptions;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strings read from dictionary-encoded pages share the chunk's dictionary rather than copying it
 * per row; every operator that takes strings reads them as it reads copied ones. Two files whose
 * dictionaries hold the same words in different orders, with nulls, go through filters,
 * projections, joins, aggregations, sorts and collection.
 */
class ParquetDictionaryStringsTest {
    private static final StructType SCHEMA = new StructType(List.of()).add("id", AtomicType.LONG).add("word", AtomicType.STRING);
    private static final String[] WORDS = {"pear", "apple", "fig", "", "kiwi"};
    private static final int ROWS = 5000;

    @TempDir
    static Path dir;
    private static Path left;
    private static Path right;
    private static EmberSession ember;

    @BeforeAll
    static void writeFiles() throws IOException {
        left = write("left.parquet", 0);
        right = write("right.parquet", 3);
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        ember.read().parquet(left.toString()).createOrReplaceTempView("l");
        ember.read().parquet(right.toString()).createOrReplaceTempView("r");
    }

    @AfterAll
    static void stop() {
        ember.close();
    }

    /** Row {@code i} holds word {@code (i + shift) % 5}, or null where {@code i % 7 == 3}. */
    private static Path write(String name, int shift) throws IOException {
        Path file = dir.resolve(name);
        try (BatchWriter writer = new ParquetFormat().create(LocalFiles.output(file), SCHEMA, new WriteOptions(Map.of()))) {
            long[] ids = new long[ROWS];
            String[] words = new String[ROWS];
            for (int i = 0; i < ROWS; i++) {
                ids[i] = i;
                words[i] = i % 7 == 3 ? null : WORDS[(i + shift) % WORDS.length];
            }
            writer.write(Batch.of(new LongVector(AtomicType.LONG, ROWS, ids, null), StringVector.of(words)));
        }
        return file;
    }

    private static String word(int row, int shift) {
        return row % 7 == 3 ? null : WORDS[(row + shift) % WORDS.length];
    }

    private static List<Row> sql(String query) {
        return ember.sql(query).collectAsList();
    }

    @Test
    void theReaderSharesTheDictionary() throws IOException {
        try (BatchReader reader = LocalFiles.open(new ParquetFormat(), LocalFiles.whole(left), SCHEMA, new int[] {1, 0}, new ReadOptions(Map.of()))) {
            Batch first = reader.next();
            StringVector words = (StringVector) first.column(0);
            assertThat(words.isDictionaryEncoded()).isTrue();
            for (int i = 0; i < first.rowCount(); i++) {
                assertThat(words.getObject(i)).as("row %d", i).isEqualTo(word(i, 0));
            }
        }
    }

    @Test
    void filtersAndProjections() {
        assertThat(sql("SELECT count(*) FROM l WHERE word = 'fig'").get(0).get(0)).isEqualTo(countOf("fig"));
        assertThat(sql("SELECT count(*) FROM l WHERE word LIKE '%i%' AND word <> 'kiwi'").get(0).get(0)).isEqualTo(countOf("fig"));
        assertThat(sql("SELECT id, upper(word), length(word), concat(word, '!'), CAST(CAST(word AS BINARY) AS STRING) FROM l WHERE id < 5 ORDER BY id"))
                .containsExactly(Row.of(0L, "PEAR", 4, "pear!", "pear"), Row.of(1L, "APPLE", 5, "apple!", "apple"), Row.of(2L, "FIG", 3, "fig!", "fig"),
                        Row.of(3L, null, null, null, null), Row.of(4L, "KIWI", 4, "kiwi!", "kiwi"));
        assertThat(sql("SELECT word FROM l WHERE id IN (3, 10, 8) ORDER BY id")).containsExactly(Row.of((Object) null), Row.of(""), Row.of((Object) null));
    }

    @Test
    void joinsOnWordsOfDifferentDictionaries() {
        // Row i of r holds the word of row i + 3 of l: the join on (id, word) pairs l's row i + 3 with r's row i.
        long expected = 0;
        for (int i = 0; i + 3 < ROWS; i++) {
            expected += word(i + 3, 0) != null && word(i, 3) != null ? 1 : 0;
        }
        assertThat(sql("SELECT count(*) FROM l JOIN r ON l.word = r.word AND l.id = r.id + 3").get(0).get(0)).isEqualTo(expected);
        assertThat(sql("SELECT count(*) FROM l JOIN r ON l.word = r.word WHERE l.id < 10 AND r.id < 10").get(0).get(0))
                .isEqualTo(pairsWithin(10));
    }

    @Test
    void groupsAndSortsByWord() {
        List<Row> groups = sql("SELECT word, count(*), min(id) FROM l GROUP BY word ORDER BY word");
        assertThat(groups).containsExactly(Row.of(null, countOf(null), 3L), Row.of("", countOf(""), 8L), Row.of("apple", countOf("apple"), 1L),
                Row.of("fig", countOf("fig"), 2L), Row.of("kiwi", countOf("kiwi"), 4L), Row.of("pear", countOf("pear"), 0L));
        assertThat(sql("SELECT DISTINCT word FROM r ORDER BY word DESC NULLS LAST"))
                .containsExactly(Row.of("pear"), Row.of("kiwi"), Row.of("fig"), Row.of("apple"), Row.of(""), Row.of((Object) null));
        assertThat(sql("SELECT id, word FROM l ORDER BY word, id LIMIT 2")).containsExactly(Row.of(3L, null), Row.of(10L, null));
    }

    @Test
    void collectsWords() {
        assertThat(sql("SELECT sort_array(collect_set(word)) FROM l WHERE id < 20").get(0).get(0)).isEqualTo(List.of("", "apple", "fig", "kiwi", "pear"));
        assertThat(sql("SELECT sort_array(collect_list(word)) FROM l WHERE id < 6").get(0).get(0))
                .isEqualTo(List.of("apple", "fig", "kiwi", "pear", "pear"));
    }

    private static long countOf(String word) {
        long count = 0;
        for (int i = 0; i < ROWS; i++) {
            count += Objects.equals(word(i, 0), word) ? 1 : 0;
        }
        return count;
    }

    private static long pairsWithin(int rows) {
        long pairs = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                pairs += word(i, 0) != null && word(i, 0).equals(word(j, 3)) ? 1 : 0;
            }
        }
        return pairs;
    }
}
