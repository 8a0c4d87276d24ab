package dev.ember.io.text;

import static dev.ember.io.BatchRows.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.LocalFiles;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.StructType;
import dev.ember.source.BatchReader;
import dev.ember.source.BatchWriter;
import dev.ember.source.FileFormat;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.source.WriteOptions;
import dev.ember.vector.Batch;
import dev.ember.vector.StringVector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormatTest {
    private final TextFormat format = new TextFormat();

    @TempDir
    Path dir;

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(FileFormat.class).stream().map(p -> p.get().shortName())).contains("text", "csv");
    }

    @Test
    void schemaIsOneStringColumnNamedValue() {
        assertThat(format.inferSchema(LocalFiles.inputs(dir), options()).treeString())
                .isEqualTo("root\n |-- value: string (nullable = true)\n");
    }

    @Test
    void splitsLinesAtEachSeparator() throws IOException {
        assertThat(lines("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
        assertThat(lines("a\nb\n")).containsExactly("a", "b");
        assertThat(lines("a\n\nb\r\n\r\n")).containsExactly("a", "", "b", "");
        assertThat(lines("\n")).containsExactly("");
        assertThat(lines("ünï\ncödé")).containsExactly("ünï", "cödé");
    }

    @Test
    void customLineSeparatorLeavesNewlinesInValues() throws IOException {
        Path file = write("a\nb||c||||d", "sep.txt");
        assertThat(values(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options("lineSep", "||"))))
                .containsExactly("a\nb", "c", "", "d");
    }

    @Test
    void emptyFileHasNoRows() throws IOException {
        Path file = write("", "empty.txt");
        assertThat(readAll(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options()))).isEmpty();
        assertThat(readAll(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options("wholetext", "true")))).isEmpty();
    }

    @Test
    void wholeTextIsOneRowPerFileReadBySplitZeroOnly() throws IOException {
        Path file = write("a\nb\r\nc\n", "whole.txt");
        ReadOptions wholeText = options("wholetext", "true");
        assertThat(values(LocalFiles.open(format, LocalFiles.split(file, 0, 3, 8), TextFormat.SCHEMA, new int[] {0}, wholeText)))
                .containsExactly("a\nb\r\nc\n");
        assertThat(values(LocalFiles.open(format, LocalFiles.split(file, 3, 5, 8), TextFormat.SCHEMA, new int[] {0}, wholeText)))
                .isEmpty();
    }

    @Test
    void splitsAtEveryOffsetReadEachLineOnce() throws IOException {
        String content = "first\r\nsecond\n\nthird\rfourth\r\n\r\nlast";
        Path file = write(content, "split.txt");
        List<String> expected = lines(content);
        long length = Files.size(file);
        for (int cut = 0; cut <= length; cut++) {
            List<String> read = new ArrayList<>();
            read.addAll(values(LocalFiles.open(format, LocalFiles.split(file, 0, cut, length), TextFormat.SCHEMA, new int[] {0}, options())));
            read.addAll(values(LocalFiles.open(format, LocalFiles.split(file, cut, length - cut, length), TextFormat.SCHEMA, new int[] {0}, options())));
            assertThat(read).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void splitsWithMultiByteSeparatorReadEachLineOnce() throws IOException {
        Path file = write("aa<>bbb<><>c<>dd", "multi.txt");
        long length = Files.size(file);
        ReadOptions options = options("lineSep", "<>");
        for (int cut = 0; cut <= length; cut++) {
            for (int second = cut; second <= length; second++) {
                List<String> read = new ArrayList<>();
                read.addAll(values(LocalFiles.open(format, LocalFiles.split(file, 0, cut, length), TextFormat.SCHEMA, new int[] {0}, options)));
                read.addAll(values(LocalFiles.open(format, LocalFiles.split(file, cut, second - cut, length), TextFormat.SCHEMA, new int[] {0}, options)));
                read.addAll(values(LocalFiles.open(format, LocalFiles.split(file, second, length - second, length), TextFormat.SCHEMA, new int[] {0}, options)));
                assertThat(read).as("cuts at %d and %d", cut, second).containsExactly("aa", "bbb", "", "c", "dd");
            }
        }
    }

    @Test
    void countWithoutColumnsStillCountsRows() throws IOException {
        Path file = write("a\nb\nc\n", "count.txt");
        try (var reader = LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[0], options())) {
            Batch batch = reader.next();
            assertThat(batch.columnCount()).isZero();
            assertThat(batch.rowCount()).isEqualTo(3);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void readsManyBatches() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            content.append("line ").append(i).append('\n');
        }
        Path file = write(content.toString(), "big.txt");
        List<String> read = values(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options()));
        assertThat(read).hasSize(10_000).startsWith("line 0").endsWith("line 9999");
    }

    @Test
    void dropsByteOrderMark() throws IOException {
        Path file = dir.resolve("bom.txt");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n', 'b'});
        assertThat(values(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options()))).containsExactly("a", "b");
    }

    @Test
    void readsGzipFilesWhole() throws IOException {
        Path file = dir.resolve("zipped.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("x\ny\n".getBytes(StandardCharsets.UTF_8));
        }
        long length = Files.size(file);
        assertThat(values(LocalFiles.open(format, LocalFiles.split(file, 0, 5, length), TextFormat.SCHEMA, new int[] {0}, options())))
                .containsExactly("x", "y");
        assertThat(values(LocalFiles.open(format, LocalFiles.split(file, 5, length - 5, length), TextFormat.SCHEMA, new int[] {0}, options())))
                .isEmpty();
    }

    @Test
    void writesOneLinePerRowAndNullsAsEmptyLines() throws IOException {
        Path file = dir.resolve("out" + format.fileExtension(writeOptions()));
        try (BatchWriter writer = format.create(LocalFiles.output(file), TextFormat.SCHEMA, writeOptions())) {
            writer.write(Batch.of(StringVector.of("a", null, "", "ü")));
        }
        assertThat(file.getFileName().toString()).endsWith(".txt");
        assertThat(Files.readString(file)).isEqualTo("a\n\n\nü\n");
        assertThat(values(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options()))).containsExactly("a", "", "", "ü");
    }

    @Test
    void writesGzipWithCustomSeparator() throws IOException {
        WriteOptions options = new WriteOptions(Map.of("compression", "gzip", "lineSep", "\r\n"));
        Path file = dir.resolve("out" + format.fileExtension(options));
        assertThat(file.toString()).endsWith(".txt.gz");
        try (BatchWriter writer = format.create(LocalFiles.output(file), TextFormat.SCHEMA, options)) {
            writer.write(Batch.of(StringVector.of("a", "b")));
        }
        assertThat(values(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options()))).containsExactly("a", "b");
    }

    @Test
    void writerNeedsExactlyOneStringColumn() {
        StructType two = new StructType(List.of()).add("a", AtomicType.STRING).add("b", AtomicType.STRING);
        assertThatThrownBy(() -> format.create(LocalFiles.output(dir.resolve("two.txt")), two, writeOptions()))
                .isInstanceOf(EmberException.class)
                .hasMessageContaining("2 columns");
        StructType number = new StructType(List.of()).add("n", AtomicType.INT);
        assertThatThrownBy(() -> format.create(LocalFiles.output(dir.resolve("int.txt")), number, writeOptions()))
                .isInstanceOfSatisfying(EmberException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(dev.ember.error.ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE))
                .hasMessageContaining("column `n` of the type \"INT\"");
    }

    @Test
    void missingFileIsPathNotFound() {
        assertThatThrownBy(() -> LocalFiles.open(format, LocalFiles.split(dir.resolve("nope.txt"), 0, 10, 10), TextFormat.SCHEMA, new int[] {0}, options()))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PATH_NOT_FOUND))
                .hasMessageContaining("nope.txt");
    }

    private List<String> lines(String content) throws IOException {
        Path file = write(content, "lines.txt");
        return values(LocalFiles.open(format, whole(file), TextFormat.SCHEMA, new int[] {0}, options()));
    }

    private static List<String> values(BatchReader reader) throws IOException {
        return readAll(reader).stream().map(r -> (String) r.get(0)).toList();
    }

    private Path write(String content, String name) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static FileSplit whole(Path file) throws IOException {
        return LocalFiles.whole(file);
    }

    private static ReadOptions options(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return new ReadOptions(map);
    }

    private static WriteOptions writeOptions() {
        return new WriteOptions(Map.of());
    }
}
