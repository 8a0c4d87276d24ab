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

    /** 2000 rows of structs, maps and arrays of structs, nested in each other, with NULLs at every level. */
    static final String NESTED_ROWS = """
            SELECT id,
                   CASE WHEN id % 5 = 0 THEN NULL
                        ELSE named_struct('a', id, 'b', CASE WHEN id % 3 = 0 THEN NULL ELSE concat('b', CAST(id AS string)) END) END AS s,
                   CASE WHEN id % 4 = 0 THEN NULL WHEN id % 4 = 1 THEN map_from_arrays(array(), array())
                        ELSE map(concat('k', CAST(id % 10 AS string)), id, 'z', CASE WHEN id % 2 = 0 THEN NULL ELSE -id END) END AS m,
                   CASE WHEN id % 6 = 0 THEN NULL
                        ELSE array(named_struct('x', id, 'ys', array(CAST(id AS int), NULL)), NULL, named_struct('x', NULL, 'ys', NULL)) END AS structs,
                   named_struct('inner', named_struct('m', map(CAST(id % 7 AS int), array('p', NULL)), 'n', id % 2 = 0), 'last', 'end') AS deep
            FROM range(0, 2000)""";

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
