package dev.ember.conformance;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * TPC-H data for the conformance suite, generated on first use by the Trino TPC-H generator (the
 * same rows as the reference dbgen) into {@code target/tpch/sf<scale>}, one {@code '|'}-separated
 * file per table. Files that exist are reused; each is written to a temporary name and renamed, so
 * an interrupted run never leaves a half-written table behind.
 */
final class TpchData {
    static final double SCALE_FACTOR = 0.01;

    private TpchData() {
    }

    static synchronized Path directory() {
        Path directory = Sessions.moduleDirectory().resolve("target/tpch/sf" + SCALE_FACTOR);
        try {
            Files.createDirectories(directory);
            for (TpchTable<?> table : TpchTable.getTables()) {
                Path file = directory.resolve(table.getTableName() + ".tbl");
                if (!Files.exists(file)) {
                    write(table, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate TPC-H data in " + directory, e);
        }
        return directory;
    }

    private static void write(TpchTable<?> table, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (TpchEntity row : table.createGenerator(SCALE_FACTOR, 1, 1)) {
                String line = row.toLine();
                // dbgen ends every line with the separator; CSV readers would see an extra empty column.
                out.write(line, 0, line.endsWith("|") ? line.length() - 1 : line.length());
                out.newLine();
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
