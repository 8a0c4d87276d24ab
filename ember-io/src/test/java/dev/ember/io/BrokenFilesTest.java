package dev.ember.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken inputs: each must fail with an error class and a message that names the file
 * (and the line where there is one), never with a bare stack trace, and never half-read silently.
 */
class BrokenFilesTest {
    private static EmberSession ember;
    private static Path goodParquet;

    /** Writes the broken input under a fresh directory and returns the path to read. */
    private interface Setup {
        Path write(Path dir) throws IOException;
    }

    /** Reads the path with the session, to the end. */
    private interface Read {
        DataFrame read(EmberSession ember, String path);
    }

    private record Case(String name, Setup setup, Read read, ErrorClass errorClass, String namedInMessage) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    static Stream<Case> cases() {
        Read csvFailFast = (e, p) -> e.read().option("mode", "FAILFAST").schema("id INT, name STRING").csv(p);
        Read csvInferred = (e, p) -> e.read().option("inferSchema", "true").csv(p);
        Read parquet = (e, p) -> e.read().parquet(p);
        Read jsonFailFast = (e, p) -> e.read().option("mode", "FAILFAST").schema("id INT").json(p);
        return Stream.of(
                new Case("missing file", dir -> dir.resolve("absent.csv"), csvInferred, ErrorClass.PATH_NOT_FOUND, "absent.csv"),
                new Case("file under a file", dir -> Files.writeString(dir.resolve("plain.csv"), "1\n").resolve("inner.csv"),
                        csvInferred, ErrorClass.PATH_NOT_FOUND, "plain.csv/inner.csv"),
                new Case("csv: too few fields", dir -> text(dir, "short.csv", "1,a\n2,b\n3\n"), csvFailFast,
                        ErrorClass.FAILED_READ_FILE, "short.csv:3"),
                new Case("csv: too many fields", dir -> text(dir, "long.csv", "1,a\n2,b,extra\n"), csvFailFast,
                        ErrorClass.FAILED_READ_FILE, "long.csv:2"),
                new Case("csv: not a number", dir -> text(dir, "word.csv", "1,a\ntwo,b\n"), csvFailFast,
                        ErrorClass.FAILED_READ_FILE, "word.csv:2"),
                new Case("csv: number out of range", dir -> text(dir, "big.csv", "1,a\n99999999999,b\n"), csvFailFast,
                        ErrorClass.FAILED_READ_FILE, "big.csv:2"),
                new Case("csv: bad date", dir -> text(dir, "date.csv", "d\n2024-01-31\n2024-02-30\n"),
                        (e, p) -> e.read().option("mode", "FAILFAST").option("header", "true").schema("d DATE").csv(p),
                        ErrorClass.FAILED_READ_FILE, "date.csv:3"),
                new Case("csv: decimal too wide", dir -> text(dir, "decimal.csv", "1.5\n12345.6\n"),
                        (e, p) -> e.read().option("mode", "FAILFAST").schema("x DECIMAL(3,1)").csv(p),
                        ErrorClass.FAILED_READ_FILE, "decimal.csv:2"),
                new Case("csv: bad line in a later file of a directory", dir -> {
                    text(dir.resolve("parts"), "a.csv", "1,a\n");
                    text(dir.resolve("parts"), "b.csv", "2,b\nx,c\n");
                    return dir.resolve("parts");
                }, csvFailFast, ErrorClass.FAILED_READ_FILE, "b.csv:2"),
                new Case("csv: truncated gzip", dir -> truncatedGzip(dir, "cut.csv.gz", "1,a\n".repeat(5000)), csvFailFast,
                        ErrorClass.IO_ERROR, "cut.csv.gz"),
                new Case("csv: .gz that is not gzip", dir -> text(dir, "fake.csv.gz", "1,a\n"), csvFailFast,
                        ErrorClass.IO_ERROR, "fake.csv.gz"),
                new Case("text: truncated gzip", dir -> truncatedGzip(dir, "cut.txt.gz", "line\n".repeat(5000)),
                        (e, p) -> e.read().text(p), ErrorClass.IO_ERROR, "cut.txt.gz"),
                new Case("parquet: not a parquet file", dir -> text(dir, "text.parquet", "id,name\n1,a\n"), parquet,
                        ErrorClass.CANNOT_READ_FILE_FOOTER, "text.parquet"),
                new Case("parquet: empty file", dir -> Files.write(dir.resolve("empty.parquet"), new byte[0]), parquet,
                        ErrorClass.CANNOT_READ_FILE_FOOTER, "empty.parquet"),
                new Case("parquet: truncated", dir -> mutated(dir, "cut.parquet", bytes -> Arrays.copyOf(bytes, bytes.length / 2)),
                        parquet, ErrorClass.CANNOT_READ_FILE_FOOTER, "cut.parquet"),
                new Case("parquet: bad magic at the end", dir -> mutated(dir, "magic.parquet", bytes -> {
                    bytes[bytes.length - 1] = 'X';
                    return bytes;
                }), parquet, ErrorClass.CANNOT_READ_FILE_FOOTER, "magic.parquet"),
                new Case("parquet: footer length past the start", dir -> mutated(dir, "length.parquet", bytes -> {
                    bytes[bytes.length - 5] = 0x7f;
                    return bytes;
                }), parquet, ErrorClass.CANNOT_READ_FILE_FOOTER, "length.parquet"),
                new Case("parquet: garbage footer", dir -> mutated(dir, "footer.parquet", bytes -> {
                    int footerLength = (bytes[bytes.length - 8] & 0xff) | (bytes[bytes.length - 7] & 0xff) << 8;
                    Arrays.fill(bytes, bytes.length - 8 - footerLength, bytes.length - 8, (byte) 0x55);
                    return bytes;
                }), parquet, ErrorClass.CANNOT_READ_FILE_FOOTER, "footer.parquet"),
                new Case("parquet: corrupt page data", dir -> mutated(dir, "pages.parquet", bytes -> {
                    Arrays.fill(bytes, 4, bytes.length / 3, (byte) 0x13);
                    return bytes;
                }), parquet, ErrorClass.FAILED_READ_FILE, "pages.parquet"),
                new Case("parquet: a corrupt file among good ones", dir -> {
                    Path parts = Files.createDirectories(dir.resolve("parts"));
                    Files.copy(goodParquet(), parts.resolve("a.parquet"));
                    text(parts, "b.parquet", "not parquet");
                    return parts;
                }, parquet, ErrorClass.CANNOT_READ_FILE_FOOTER, "b.parquet"),
                new Case("json: malformed line", dir -> text(dir, "bad.json", "{\"id\": 1}\n{\"id\": 2\n{\"id\": 3}\n"), jsonFailFast,
                        ErrorClass.FAILED_READ_FILE, "bad.json"),
                new Case("json: value of the wrong type", dir -> text(dir, "typed.json", "{\"id\": 1}\n{\"id\": \"two\"}\n"),
                        jsonFailFast, ErrorClass.FAILED_READ_FILE, "typed.json"),
                new Case("json: invalid UTF-8", dir -> Files.write(dir.resolve("bytes.json"),
                        new byte[] {'{', '"', 'i', 'd', '"', ':', ' ', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}),
                        (e, p) -> e.read().option("mode", "FAILFAST").schema("id STRING").json(p), ErrorClass.FAILED_READ_FILE, "bytes.json"),
                new Case("json: truncated multi-line document", dir -> text(dir, "doc.json", "[{\"id\": 1}, {\"id\": "),
                        (e, p) -> e.read().option("mode", "FAILFAST").option("multiLine", "true").schema("id INT").json(p),
                        ErrorClass.FAILED_READ_FILE, "doc.json"),
                new Case("json: truncated gzip", dir -> truncatedGzip(dir, "cut.json.gz", "{\"id\": 1}\n".repeat(5000)), jsonFailFast,
                        ErrorClass.IO_ERROR, "cut.json.gz"),
                new Case("json: a line that is not an object", dir -> text(dir, "scalar.json", "{\"id\": 1}\n42\n"), jsonFailFast,
                        ErrorClass.FAILED_READ_FILE, "scalar.json"),
                new Case("json: .gz that is not gzip", dir -> text(dir, "fake.json.gz", "{\"id\": 1}\n"), jsonFailFast,
                        ErrorClass.IO_ERROR, "fake.json.gz"),
                new Case("csv: bad timestamp", dir -> text(dir, "ts.csv", "2024-01-01 10:00:00\nyesterday\n"),
                        (e, p) -> e.read().option("mode", "FAILFAST").schema("t TIMESTAMP").csv(p),
                        ErrorClass.FAILED_READ_FILE, "ts.csv:2"),
                new Case("csv: bad boolean", dir -> text(dir, "flag.csv", "true\nmaybe\n"),
                        (e, p) -> e.read().option("mode", "FAILFAST").schema("b BOOLEAN").csv(p),
                        ErrorClass.FAILED_READ_FILE, "flag.csv:2"),
                new Case("parquet: schema that does not match the file", dir -> Files.copy(goodParquet(), dir.resolve("typed.parquet")),
                        (e, p) -> e.read().schema("id BOOLEAN, s STRING").parquet(p), ErrorClass.FAILED_READ_FILE, "typed.parquet"),
                new Case("csv: unknown encoding", dir -> text(dir, "enc.csv", "1,a\n"),
                        (e, p) -> e.read().option("encoding", "no-such-charset").csv(p), ErrorClass.INVALID_PARAMETER_VALUE,
                        "no-such-charset"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithAnErrorClassNamingTheInput(Case broken, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String path = broken.setup().write(dir).toString();
        assertThatThrownBy(() -> broken.read().read(ember, path).collectAsList())
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(broken.errorClass()))
                .hasMessageContaining(broken.namedInMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFailedReadLeavesTheInputAsItWas(Case broken, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path path = broken.setup().write(dir);
        byte[] before = Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
        assertThatThrownBy(() -> broken.read().read(ember, path.toString()).collectAsList()).isInstanceOf(EmberException.class);
        if (before != null) {
            assertThat(Files.readAllBytes(path)).isEqualTo(before);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(dir::relativize).map(Path::toString)).noneMatch(name -> name.contains("ember-staging"));
        }
    }

    /** A valid Parquet file of a few row groups, written once by Ember. */
    private static synchronized Path goodParquet() throws IOException {
        if (goodParquet == null) {
            Path dir = Files.createTempDirectory("broken-files");
            ember.range(0, 20_000).selectExpr("id", "concat('value ', CAST(id AS string)) AS s")
                    .write().option("parquet.block.size", "65536").parquet(dir.resolve("good").toString());
            try (Stream<Path> files = Files.list(dir.resolve("good"))) {
                goodParquet = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
            }
        }
        return goodParquet;
    }

    /** A copy of the good Parquet file changed by {@code change}. */
    private static Path mutated(Path dir, String name, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        return Files.write(dir.resolve(name), change.apply(Files.readAllBytes(goodParquet())));
    }

    private static Path text(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content);
    }

    private static Path truncatedGzip(Path dir, String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        return Files.write(dir.resolve(name), Arrays.copyOf(whole, whole.length / 2));
    }
}
