package dev.ember.io.json;

import static dev.ember.io.BatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.parser.SqlParser;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSplitTest {
    private static final StructType SCHEMA = SqlParser.parseTableSchema("id int, text string");

    @TempDir
    Path dir;

    @Test
    void everyCutReadsEachLineExactlyOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("data.json"),
                "{\"id\":1,\"text\":\"one\"}\r\n{\"id\":2,\"text\":\"t\\nwo\"}\n\n{\"id\":3}\r{\"id\":4,\"text\":\"é\"}\r\n{\"id\":5}");
        ReadOptions options = JsonTestFiles.options("mode", "FAILFAST");
        List<List<Object>> expected = List.of(row(1, "one"), row(2, "t\nwo"), row(3, null), row(4, "é"), row(5, null));
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
        Path file = Files.writeString(dir.resolve("multi.json"), "[{\"id\":1,\n\"text\":\"a\"},\n{\"id\":2}]\n");
        ReadOptions options = JsonTestFiles.options("multiLine", "true");
        assertThat(new JsonFormat().isSplittable(dev.ember.fs.Location.of(file.toString()), options)).isFalse();
        assertThat(new JsonFormat().isSplittable(dev.ember.fs.Location.of(file.toString()), JsonTestFiles.options())).isTrue();
        assertThat(new JsonFormat().isSplittable(dev.ember.fs.Location.of(file + ".gz"), JsonTestFiles.options())).isFalse();
        assertThat(read(file, 0, 3, options)).containsExactly(row(1, "a"), row(2, null));
        assertThat(read(file, 3, Files.size(file), options)).isEmpty();
    }

    @Test
    void malformedLinesAreNumberedWithinTheWholeFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"id\":1}\n{\"id\":2}\n{\"id\":\"x\"}\n");
        ReadOptions options = JsonTestFiles.options("mode", "FAILFAST");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(file, 10, Files.size(file), options))
                .hasMessageContaining("bad.json:3:");
    }

    private static List<List<Object>> read(Path file, long from, long to, ReadOptions options) throws IOException {
        FileSplit split = LocalFiles.split(file, from, to - from, Files.size(file));
        return BatchRows.readAll(LocalFiles.open(new JsonFormat(), split, SCHEMA, new int[] {0, 1}, options));
    }
}
