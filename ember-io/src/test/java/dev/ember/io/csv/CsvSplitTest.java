package dev.ember.io.csv;

import static dev.ember.io.BatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructType;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSplitTest {
    private static final StructType SCHEMA = new StructType(List.of()).add("id", AtomicType.INT).add("text", AtomicType.STRING);

    @TempDir
    Path dir;

    @Test
    void everyCutReadsEachRecordExactlyOnceAndTheHeaderNever() throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "id,text\n1,one\r\n2,\"t,w,o\"\n\n3,three\r4,four\r\n5,\"fi\\\"ve\"");
        ReadOptions options = CsvTestFiles.options("header", "true", "mode", "FAILFAST");
        List<List<Object>> expected = List.of(row(1, "one"), row(2, "t,w,o"), row(3, "three"), row(4, "four"), row(5, "fi\"ve"));
        long length = Files.size(file);
        for (long first = 0; first <= length; first++) {
            for (long second = first; second <= length; second++) {
                List<List<Object>> rows = new ArrayList<>();
                rows.addAll(read(file, 0, first, options));
                rows.addAll(read(file, first, second, options));
                rows.addAll(read(file, second, length, options));
                assertThat(rows).as("cuts at %d and %d", first, second).isEqualTo(expected);
            }
        }
    }

    @Test
    void multiLineFilesAreReadWholeByTheFirstSplit() throws IOException {
        Path file = Files.writeString(dir.resolve("multi.csv"), "1,\"a\nb\"\n2,c\n");
        ReadOptions options = CsvTestFiles.options("multiLine", "true");
        long length = Files.size(file);
        assertThat(read(file, 0, 3, options)).containsExactly(row(1, "a\nb"), row(2, "c"));
        assertThat(read(file, 3, length, options)).isEmpty();
    }

    private static List<List<Object>> read(Path file, long from, long to, ReadOptions options) throws IOException {
        FileSplit split = LocalFiles.split(file, from, to - from, Files.size(file));
        return BatchRows.readAll(LocalFiles.open(new CsvFormat(), split, SCHEMA, new int[] {0, 1}, options));
    }
}
