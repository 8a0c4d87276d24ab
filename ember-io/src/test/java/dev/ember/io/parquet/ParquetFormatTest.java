package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.SourceFilter;
import dev.ember.source.WriteOptions;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits, row-group pruning by statistics and damaged files, on a file of 10 000 ids in row groups of about 1000. */
class ParquetFormatTest {
    private static final StructType SCHEMA = new StructType(List.of()).add("id", AtomicType.LONG).add("name", AtomicType.STRING);
    private static final int ROWS = 10_000;
    private static final ParquetFormat FORMAT = new ParquetFormat();
    private static final ReadOptions NO_OPTIONS = new ReadOptions(Map.of());

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void writeFile() throws IOException {
        file = dir.resolve("ids.parquet");
        // Row groups are cut every 1024 rows once they exceed 4 KiB: about ten of them.
        WriteOptions options = new WriteOptions(Map.of("parquet.block.size", "4096", "compression", "snappy"));
        try (BatchWriter writer = FORMAT.create(LocalFiles.output(file), SCHEMA, options)) {
            for (int start = 0; start < ROWS; start += 2500) {
                long[] ids = new long[2500];
                String[] names = new String[2500];
                boolean[] nulls = new boolean[2500];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = start + i;
                    names[i] = "n" + (start + i);
                }
                nulls[7] = start == 0;
                writer.write(Batch.of(new LongVector(AtomicType.LONG, ids.length, ids, nulls), StringVector.of(names)));
            }
        }
    }

    @Test
    void writesSeveralRowGroupsWithStatistics() {
        var footer = ParquetFooter.read(LocalFiles.input(file));
        assertThat(footer.getBlocks()).hasSizeGreaterThan(5);
        var firstId = footer.getBlocks().get(0).getColumns().get(0).getStatistics();
        assertThat(firstId.genericGetMin()).isEqualTo(0L);
        assertThat(firstId.getNumNulls()).isEqualTo(1);
        assertThat(FORMAT.inferSchema(List.of(LocalFiles.input(file)), NO_OPTIONS)).isEqualTo(SCHEMA);
    }

    @Test
    void everyRowIsReadExactlyOnceWhateverTheSplits() throws IOException {
        long length = Files.size(file);
        for (long size : new long[] {100, 1000, 4096, length / 3, length}) {
            List<Object> ids = new ArrayList<>();
            for (long start = 0; start < length; start += size) {
                FileSplit split = LocalFiles.split(file, start, Math.min(size, length - start), length);
                for (List<Object> row : BatchRows.readAll(LocalFiles.open(FORMAT, split, SCHEMA, new int[] {0}, NO_OPTIONS))) {
                    ids.add(row.get(0));
                }
            }
            assertThat(ids).as("splits of %d bytes", size).hasSize(ROWS).doesNotHaveDuplicates().containsNull().contains(0L, 9999L);
        }
    }

    @Test
    void readsOnlyTheRequiredColumnsInTheirOrder() throws IOException {
        List<List<Object>> rows = BatchRows.readAll(LocalFiles.open(FORMAT, LocalFiles.whole(file), SCHEMA, new int[] {1, 0}, NO_OPTIONS));
        assertThat(rows.get(8)).containsExactly("n8", 8L);
        assertThat(rows.get(7)).containsExactly("n7", null);
    }

    @Test
    void batchAtATimeAndValueAtATimeDecodingReadTheSameRows() throws IOException {
        var footer = ParquetFooter.read(LocalFiles.input(file));
        List<List<Object>> general = BatchRows.readAll(new ParquetBatchReader(LocalFiles.input(file), footer, SCHEMA, new int[] {1, 0}, List.of(), false));
        List<List<Object>> vectorized = BatchRows.readAll(new ParquetBatchReader(LocalFiles.input(file), footer, SCHEMA, new int[] {1, 0}, List.of(), true));
        assertThat(vectorized).hasSize(ROWS).isEqualTo(general);
        assertThat(vectorized.get(7)).containsExactly("n7", null);
    }

    @Test
    void statisticsSkipRowGroupsThatCannotMatch() throws IOException {
        int all = rowGroupsRead(List.of());
        assertThat(all).isGreaterThan(5);
        assertThat(rowGroupsRead(List.of(new SourceFilter.Compare(SourceFilter.Compare.Op.GREATER_THAN_OR_EQUAL, "id", 9990L)))).isEqualTo(1);
        assertThat(rowGroupsRead(List.of(new SourceFilter.EqualTo("id", 20_000L)))).isZero();
        assertThat(rowGroupsRead(List.of(new SourceFilter.In("id", List.of(3L, 9999L))))).isEqualTo(2);
        // Strings compare as bytes: "n5000" lies within the row group of n4096..n5119 and within the first one, n0..n999.
        assertThat(rowGroupsRead(List.of(new SourceFilter.EqualTo("name", "n5000")))).isEqualTo(2);
        assertThat(rowGroupsRead(List.of(new SourceFilter.IsNull("id", false)))).isEqualTo(1);
        assertThat(rowGroupsRead(List.of(new SourceFilter.Or(new SourceFilter.Compare(SourceFilter.Compare.Op.LESS_THAN, "id", 1L),
                new SourceFilter.EqualTo("id", 9999L))))).isEqualTo(2);
        // What statistics cannot decide is read.
        assertThat(rowGroupsRead(List.of(new SourceFilter.Not(new SourceFilter.EqualTo("id", 1L))))).isEqualTo(all);
        assertThat(rowGroupsRead(List.of(new SourceFilter.EqualTo("missing", 1L)))).isEqualTo(all);
    }

    private int rowGroupsRead(List<SourceFilter> filters) throws IOException {
        FileSplit split = LocalFiles.whole(file);
        try (ParquetBatchReader reader = (ParquetBatchReader) FORMAT.open(LocalFiles.input(file), split, SCHEMA, new int[] {0}, filters, NO_OPTIONS)) {
            while (reader.next() != null) {
                // read every batch
            }
            return reader.rowGroupsRead();
        }
    }

    @Test
    void queriesPushTheirFiltersAndShowThemInExplain() throws IOException {
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            String query = "SELECT * FROM parquet.`" + file + "` WHERE id > 9000 AND name = 'n9500'";
            String plan = ember.sql("EXPLAIN " + query).collectAsList().get(0).getString(0);
            assertThat(plan).contains("PushedFilters: [GreaterThan(id,9000), EqualTo(name,n9500)]");
            assertThat(ember.sql(query).collectAsList()).containsExactly(Row.of(9500L, "n9500"));
        }
    }

    @Test
    void filtersRightOverTheScanAreAppliedByItAndSeenInExplain() throws IOException {
        try (EmberSession ember = EmberSession.builder().master("local[2]").getOrCreate()) {
            String table = "parquet.`" + file + "`";
            String query = "SELECT name FROM " + table + " WHERE id % 1000 = 7";
            String plan = ember.sql("EXPLAIN " + query).collectAsList().get(0).getString(0);
            // The NULL check of id runs first, as Spark's filter infers it: id reaches the comparison through a remainder.
            assertThat(plan).containsPattern("FileScan parquet \\[name#\\d+\\], .*, Filter: \\(\\(id IS NOT NULL\\) AND \\(\\(id % 1000\\) = 7\\)\\)")
                    .doesNotContain("+- Filter");
            // Row 7 has a NULL id, which the condition does not keep.
            assertThat(ember.sql(query).collectAsList()).hasSize(9).doesNotContain(Row.of("n7")).contains(Row.of("n1007"), Row.of("n9007"));
            assertThat(ember.sql("SELECT count(*) FROM " + table + " WHERE id >= 0").collectAsList()).containsExactly(Row.of(9999L));
            assertThat(ember.sql("SELECT count(name) FROM " + table + " WHERE id < 0").collectAsList()).containsExactly(Row.of(0L));

            // Scans applying equal filters are equal exchanges' inputs, read once; other filters are not.
            String same = "SELECT count(*) FROM (SELECT name FROM " + table + " WHERE id > 5000) a JOIN (SELECT name FROM " + table
                    + " WHERE id > 5000) b ON a.name = b.name";
            ember.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
            assertThat(ember.sql("EXPLAIN " + same).collectAsList().get(0).getString(0)).contains("ReusedExchange");
            assertThat(ember.sql(same).collectAsList()).containsExactly(Row.of(4999L));
            assertThat(ember.sql("EXPLAIN " + same.replace("id > 5000) b", "id > 5001) b")).collectAsList().get(0).getString(0))
                    .doesNotContain("ReusedExchange");
        }
    }

    @Test
    void truncatedFilesAndBadFootersNameTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> FORMAT.inferSchema(List.of(LocalFiles.input(truncated)), NO_OPTIONS))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CANNOT_READ_FILE_FOOTER))
                .hasMessageContaining("truncated.parquet");

        byte[] badFooter = bytes.clone();
        for (int i = bytes.length - 60; i < bytes.length - 8; i++) {
            badFooter[i] = (byte) 0xEE;
        }
        Path damaged = Files.write(dir.resolve("bad-footer.parquet"), badFooter);
        assertThatThrownBy(() -> FORMAT.open(LocalFiles.input(damaged), LocalFiles.whole(damaged), SCHEMA, new int[] {0}, NO_OPTIONS))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CANNOT_READ_FILE_FOOTER))
                .hasMessageContaining("bad-footer.parquet");

        Path text = Files.writeString(dir.resolve("text.parquet"), "just some text, not parquet at all");
        assertThatThrownBy(() -> FORMAT.inferSchema(List.of(LocalFiles.input(text)), NO_OPTIONS))
                .isInstanceOf(EmberException.class).hasMessageContaining("text.parquet").hasMessageContaining("magic");
    }

    @Test
    void damagedPagesNameTheFileAndRowGroup() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        var footer = ParquetFooter.read(LocalFiles.input(file));
        long secondGroup = footer.getBlocks().get(1).getStartingPos();
        byte[] damaged = bytes.clone();
        for (long i = secondGroup; i < secondGroup + 40; i++) {
            damaged[(int) i] = (byte) 0x7F;
        }
        Path broken = Files.write(dir.resolve("broken-pages.parquet"), damaged);
        assertThatThrownBy(() -> BatchRows.readAll(LocalFiles.open(FORMAT, LocalFiles.whole(broken), SCHEMA, new int[] {0, 1}, NO_OPTIONS)))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.FAILED_READ_FILE))
                .hasMessageContaining("broken-pages.parquet").hasMessageContaining("row group 1");
    }
}
