package dev.ember.conformance.programs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rows of every type Parquet programs write, as one query both engines run, and fresh directories to write to. */
final class ParquetFixtures {
    /** 3000 rows: nulls, decimals of the three physical layouts, dates, timestamps, arrays. */
    static final String ROWS = """
            SELECT id,
                   CAST(id % 3 = 0 AS boolean) AS flag,
                   CAST(id % 100 AS tinyint) AS tiny, CAST(id AS smallint) AS small, CAST(id * 7 AS int) AS num,
                   id * 10000000000 AS big,
                   CAST(id AS float) / 4 AS f, CAST(id AS double) / 3 AS d,
                   CASE WHEN id % 4 = 0 THEN NULL ELSE concat('name-', CAST(id % 50 AS string)) END AS s,
                   CAST(id AS decimal(7,2)) / 8 AS dec_int, CAST(id AS decimal(15,3)) * 1000000 AS dec_long,
                   CAST(id AS decimal(30,5)) * -100000000000000 AS dec_fixed,
                   date_add(DATE '2024-01-30', CAST(id AS int)) AS day,
                   CASE WHEN id % 5 = 0 THEN NULL WHEN id % 5 = 1 THEN TIMESTAMP '1969-12-31 23:59:59.999999'
                        ELSE CAST(date_add(DATE '2024-01-30', CAST(id AS int)) AS timestamp) END AS ts,
                   CASE WHEN id % 6 = 0 THEN NULL WHEN id % 6 = 1 THEN array() ELSE array(CAST(id AS int), NULL, 7) END AS ints,
                   array(array('a', CAST(id AS string)), array(), NULL) AS nested
            FROM range(0, 3000)""";

    private ParquetFixtures() {
    }

    static Path newDirectory(String prefix) {
        try {
            Path parent = Path.of("target", "parquet-programs");
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent.toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
