package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.fs.InputFile;
import dev.ember.io.LocalFiles;
import dev.ember.source.ColumnStatistics;
import dev.ember.source.ReadOptions;
import dev.ember.source.TableStatistics;
import dev.ember.sql.EmberSession;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics of two Parquet files of 100 rows from their footers, merged. */
class ParquetStatisticsTest {
    private static final ParquetFormat FORMAT = new ParquetFormat();
    private static final ReadOptions NO_OPTIONS = new ReadOptions(Map.of());
    private static EmberSession ember;

    @TempDir
    static Path dir;
    private static List<InputFile> files;
    private static StructType schema;

    @BeforeAll
    static void write() throws IOException {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
        ember.sql("SELECT id AS key, CASE WHEN id % 4 = 0 THEN NULL ELSE id * 10 END AS value, date_add(DATE '2020-01-01', CAST(id AS INT)) AS day,"
                + " CAST(id / 4 AS DECIMAL(10, 2)) AS amount, concat('k', id % 3) AS kind, CAST(NULL AS DOUBLE) AS nothing"
                + " FROM range(1, 101)").repartition(2).write().parquet(dir.resolve("t").toString());
        try (Stream<Path> listed = Files.list(dir.resolve("t"))) {
            files = LocalFiles.inputs(listed.filter(p -> p.toString().endsWith(".parquet")).toArray(Path[]::new));
        }
        schema = FORMAT.inferSchema(files, NO_OPTIONS);
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    @Test
    void countsTheRowsOfEveryFile() throws IOException {
        assertThat(files).hasSize(2);
        assertThat(FORMAT.statistics(files, schema, NO_OPTIONS).rowCount()).isEqualTo(100);
        assertThat(FORMAT.statistics(files.subList(0, 1), schema, NO_OPTIONS).rowCount()).isBetween(1L, 99L);
        assertThat(FORMAT.statistics(List.of(), schema, NO_OPTIONS).rowCount()).isZero();
    }

    @Test
    void boundsAndNullsOfOrderedColumnsAcrossFiles() throws IOException {
        TableStatistics statistics = FORMAT.statistics(files, schema, NO_OPTIONS);
        assertThat(statistics.column("key")).extracting(ColumnStatistics::min, ColumnStatistics::max, ColumnStatistics::nullCount)
                .containsExactly(1L, 100L, 0L);
        assertThat(statistics.column("value")).extracting(ColumnStatistics::min, ColumnStatistics::max, ColumnStatistics::nullCount)
                .containsExactly(10L, 990L, 25L);
        assertThat(statistics.column("day")).extracting(ColumnStatistics::min, ColumnStatistics::max)
                .containsExactly(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 4, 10));
        assertThat(statistics.column("amount")).extracting(ColumnStatistics::min, ColumnStatistics::max)
                .containsExactly(new BigDecimal("0.25"), new BigDecimal("25.00"));
        // Their distinct values are left to the bounds: no dictionary read.
        assertThat(statistics.column("key").distinctCount()).isEqualTo(-1);
    }

    @Test
    void stringsHaveTheirDictionarySizeButNoBounds() throws IOException {
        ColumnStatistics kind = FORMAT.statistics(files, schema, NO_OPTIONS).column("kind");
        assertThat(kind.distinctCount()).isEqualTo(3);
        assertThat(kind.min()).isNull();
        assertThat(kind.nullCount()).isZero();
    }

    @Test
    void aColumnOfNullsHasNoBounds() throws IOException {
        ColumnStatistics nothing = FORMAT.statistics(files, schema, NO_OPTIONS).column("nothing");
        assertThat(nothing.nullCount()).isEqualTo(100);
        assertThat(nothing.min()).isNull();
        assertThat(nothing.max()).isNull();
    }

    @Test
    void aColumnMissingFromTheFilesIsAllNulls() throws IOException {
        StructType wider = schema.add("added", dev.ember.sql.types.AtomicType.INT);
        ColumnStatistics added = FORMAT.statistics(files, wider, NO_OPTIONS).column("added");
        assertThat(added.nullCount()).isEqualTo(100);
        assertThat(added.min()).isNull();
    }
}
