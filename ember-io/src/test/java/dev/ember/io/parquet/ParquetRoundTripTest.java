package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Ember type written as Parquet with every codec reads back the same, through the session. */
class ParquetRoundTripTest {
    private static final String EVERY_TYPE = """
            SELECT id,
                   CAST(id % 3 = 0 AS boolean) AS flag,
                   CAST(id AS tinyint) AS tiny, CAST(id * 100 AS smallint) AS small, CAST(id * 1000 AS int) AS num,
                   CAST(id AS bigint) * 10000000000 AS big,
                   CAST(id AS float) / 4 AS f, CAST(id AS double) / 3 AS d,
                   CASE WHEN id % 4 = 0 THEN NULL ELSE concat('s', CAST(id AS string)) END AS s,
                   CAST(id AS decimal(5,2)) / 8 AS dec_small, CAST(id AS decimal(15,3)) * 1000000 AS dec_medium,
                   CAST(id AS decimal(30,5)) * -100000000000000 AS dec_large,
                   date_add(DATE '2024-01-30', CAST(id AS int)) AS day,
                   CASE WHEN id % 5 = 0 THEN NULL ELSE TIMESTAMP '2024-03-01 12:34:56.789012' END AS ts,
                   CASE WHEN id % 6 = 0 THEN NULL WHEN id % 6 = 1 THEN array() ELSE array(CAST(id AS int), NULL, 7) END AS ints,
                   array(array('a', CAST(id AS string)), array(), NULL) AS nested
            FROM range(0, 50)""";

    @TempDir
    static Path dir;
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        ember.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "zstd", "gzip", "none", "uncompressed"})
    void everyTypeReadsBackAsWritten(String codec) throws IOException {
        DataFrame original = ember.sql(EVERY_TYPE);
        Path target = dir.resolve(codec);
        original.write().option("compression", codec).parquet(target.toString());

        String extension = switch (codec) {
            case "snappy" -> ".snappy.parquet";
            case "zstd" -> ".zstd.parquet";
            case "gzip" -> ".gz.parquet";
            default -> ".parquet";
        };
        try (Stream<Path> files = Files.list(target)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).toList();
            assertThat(names).isNotEmpty().allMatch(n -> n.endsWith(extension) && (codec.equals("snappy") || !n.endsWith(".snappy.parquet")));
        }
        DataFrame read = ember.read().parquet(target.toString());
        assertThat(read.schema()).isEqualTo(original.schema());
        List<Row> expected = original.orderBy("id").collectAsList();
        assertThat(read.orderBy("id").collectAsList()).isEqualTo(expected);
        assertThat(ember.read().parquet(target.toString()).select("s", "id").orderBy("id").collectAsList())
                .isEqualTo(original.select("s", "id").orderBy("id").collectAsList());
    }
}
