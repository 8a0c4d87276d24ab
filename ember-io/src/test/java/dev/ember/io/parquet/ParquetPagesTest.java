package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.LazyBatch;
import dev.ember.source.ReadOptions;
import dev.ember.source.WriteOptions;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files of many small pages, in every codec, read back whole: the data pages of a column are
 * decompressed one over the other into one buffer, and pages whose values are all present skip
 * their definition levels, so the pages that follow them (with nulls, without, in another
 * encoding) must read as written.
 */
class ParquetPagesTest {
    private static final StructType SCHEMA = new StructType(List.of())
            .add("late_nulls", AtomicType.LONG)
            .add("all_null", AtomicType.INT)
            .add("fallback", AtomicType.LONG)
            .add("word", AtomicType.STRING);
    private static final int ROWS = 6000;

    @TempDir
    Path dir;

    /** Pages without nulls first, then pages with some. */
    private static Long lateNull(int i) {
        return i >= 3000 && i % 7 == 0 ? null : i * 3L;
    }

    /**
     * Few distinct values for a few pages, then so many that the writer gives its dictionary up
     * mid-chunk, then few again (in the next row group, dictionary-encoded again).
     */
    private static boolean distinct(int i) {
        return i >= 3000 && i < 3600;
    }

    private static long fallback(int i) {
        return distinct(i) ? i * 1_000_003L : i % 10;
    }

    private static String word(int i) {
        return distinct(i) ? "a longer word " + i : "w" + i % 5;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "snappy", "gzip", "zstd"})
    void manySmallPagesReadAsWritten(String codec) throws IOException {
        Path file = dir.resolve("pages.parquet");
        // Pages of about 1 KiB; row groups of 64 KiB, so that the buffer pages are decompressed into
        // is already larger than a later chunk's dictionary page.
        WriteOptions options = new WriteOptions(Map.of("compression", codec, "parquet.page.size", "1024", "parquet.block.size", "65536"));
        try (BatchWriter writer = new ParquetFormat().create(LocalFiles.output(file), SCHEMA, options)) {
            writer.write(batch());
        }
        List<BlockMetaData> rowGroups = ParquetFooter.read(LocalFiles.input(file)).getBlocks();
        assertThat(rowGroups).hasSizeGreaterThan(1);
        assertThat(rowGroups.get(0).getColumns().get(2).getEncodings()).as("a dictionary given up")
                .contains(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN);
        assertThat(rowGroups.get(1).getColumns().get(3).getEncodings()).as("a later chunk's dictionary").contains(Encoding.PLAIN_DICTIONARY);

        List<List<Object>> rows = BatchRows.readAll(LocalFiles.open(new ParquetFormat(), LocalFiles.whole(file), SCHEMA,
                new int[] {0, 1, 2, 3}, new ReadOptions(Map.of())));
        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(rows.get(i)).as("row %d", i).containsExactly(lateNull(i), null, fallback(i), word(i));
        }
    }

    /**
     * Batches read lazily, as a filtered scan reads them: one column whole or peeked, the others at chosen rows
     * (dense or sparse) or not at all (skipped, or left for the next row group's start), in turns, over pages of every
     * layout and several row groups.
     */
    @org.junit.jupiter.api.Test
    void lazyBatchesReadChosenRowsAndSkipTheRest() throws IOException {
        Path file = dir.resolve("lazy.parquet");
        WriteOptions options = new WriteOptions(Map.of("compression", "snappy", "parquet.page.size", "1024", "parquet.block.size", "65536"));
        int copies = 4;
        try (BatchWriter writer = new ParquetFormat().create(LocalFiles.output(file), SCHEMA, options)) {
            for (int i = 0; i < copies; i++) {
                writer.write(batch());
            }
        }
        int row = 0;
        int batches = 0;
        try (BatchReader reader = LocalFiles.open(new ParquetFormat(), LocalFiles.whole(file), SCHEMA, new int[] {0, 1, 2, 3},
                new ReadOptions(Map.of()))) {
            for (LazyBatch batch = reader.nextLazy(); batch != null; batch = reader.nextLazy(), batches++) {
                int rows = batch.rowCount();
                int first = row;
                int turn = batches;
                // Every second to fourth row, or (sparse: dictionary ids then read one by one) every 37th.
                int every = turn % 4 == 3 ? 37 : turn % 3 + 2;
                int[] chosen = IntStream.range(0, rows).filter(i -> (first + i) % every == 0).toArray();
                ColumnVector whole = turn % 2 == 0 ? batch.column(turn % 4) : batch.peek(turn % 4);
                for (int i = 0; i < rows; i++) {
                    assertThat(whole.getObject(i)).as("column %d row %d", turn % 4, first + i).isEqualTo(value(turn % 4, first + i));
                }
                for (int column = 0; column < 4; column++) {
                    if (column == turn % 4 || (column + turn) % 3 == 0) {
                        continue;
                    }
                    ColumnVector some = batch.column(column, chosen, chosen.length);
                    for (int i = 0; i < chosen.length; i++) {
                        assertThat(some.getObject(i)).as("column %d row %d", column, first + chosen[i]).isEqualTo(value(column, first + chosen[i]));
                    }
                }
                row += rows;
            }
        }
        assertThat(row).isEqualTo(copies * ROWS);
        assertThat(batches).isGreaterThan(4);
    }

    /** The value of a column at a row of the batch written several times over. */
    private static Object value(int column, int rowOfCopies) {
        int row = rowOfCopies % ROWS;
        return switch (column) {
            case 0 -> lateNull(row);
            case 1 -> null;
            case 2 -> fallback(row);
            default -> word(row);
        };
    }

    private static Batch batch() {
        long[] lateNulls = new long[ROWS];
        boolean[] lateNullFlags = new boolean[ROWS];
        boolean[] allNull = new boolean[ROWS];
        long[] fallbacks = new long[ROWS];
        String[] words = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            lateNullFlags[i] = lateNull(i) == null;
            lateNulls[i] = lateNullFlags[i] ? 0 : lateNull(i);
            fallbacks[i] = fallback(i);
            words[i] = word(i);
        }
        Arrays.fill(allNull, true);
        return Batch.of(new LongVector(AtomicType.LONG, ROWS, lateNulls, lateNullFlags), new IntVector(AtomicType.INT, ROWS, new int[ROWS], allNull),
                new LongVector(AtomicType.LONG, ROWS, fallbacks, null), StringVector.of(words));
    }
}
