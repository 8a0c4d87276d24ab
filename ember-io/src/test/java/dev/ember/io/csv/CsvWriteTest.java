package dev.ember.io.csv;

import static dev.ember.io.BatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.io.LocalFiles;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import dev.ember.source.BatchWriter;
import dev.ember.source.WriteOptions;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriteTest {
    private static final StructType ALL_TYPES = new StructType(List.of())
            .add("s", AtomicType.STRING).add("i", AtomicType.INT).add("l", AtomicType.LONG).add("d", AtomicType.DOUBLE)
            .add("b", AtomicType.BOOLEAN).add("dec", new DecimalType(20, 7)).add("day", AtomicType.DATE)
            .add("ts", AtomicType.TIMESTAMP);

    private final CsvFormat format = new CsvFormat();
    @TempDir
    Path dir;
    private CsvTestFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvTestFiles(dir);
    }

    @Test
    void writesEachTypeAsSparkDoes() throws IOException {
        Path file = write(ALL_TYPES, writeOptions("timeZone", "+02:00"), List.of(
                row("plain", 1, 2L, 1.0E10, true, new BigDecimal("0.0000001"), LocalDate.of(2024, 2, 29), Instant.parse("2024-02-29T08:15:30.5Z")),
                row(null, null, null, null, null, null, null, null)));
        assertThat(Files.readString(file)).isEqualTo(
                "plain,1,2,1.0E10,true,0.0000001,2024-02-29,2024-02-29T10:15:30.500+02:00\n"
                        + ",,,,,,,\n");
    }

    @Test
    void quotesWhenNeededAndKeepsEmptyStringsApartFromNulls() throws IOException {
        StructType schema = new StructType(List.of()).add("s", AtomicType.STRING);
        Path file = write(schema, writeOptions("header", "true"),
                List.of(row("a,b"), row("say \"hi\""), row("two\nlines"), row(""), row((Object) null), row("  padded  ")));
        assertThat(Files.readString(file)).isEqualTo("s\n\"a,b\"\n\"say \\\"hi\\\"\"\n\"two\nlines\"\n\"\"\n\npadded\n");
    }

    @Test
    void escapesQuotesAndEscapesOnlyInsideQuotedValues() throws IOException {
        StructType schema = new StructType(List.of()).add("s", AtomicType.STRING);
        List<List<Object>> rows = List.of(row("a,b\\"), row("x\\\"y,\\\\srv"), row("plain\\"));
        Path file = write(schema, writeOptions(), rows);
        assertThat(Files.readString(file)).isEqualTo("\"a,b\\\\\"\n\"x\\\\\\\"y,\\\\\\\\srv\"\nplain\\\n");
        assertThat(files.read(file, schema, CsvTestFiles.options())).isEqualTo(rows);
    }

    /** Expected texts are what Spark 4.2 writes for the same values and options. */
    @Test
    void quotesAndEscapesAsSparkWithEachOption() throws IOException {
        StructType schema = new StructType(List.of()).add("a", AtomicType.STRING).add("b", AtomicType.STRING);
        List<List<Object>> rows = List.of(row("#x", "#x"), row("q\"u", "\"s"), row("e\\\"q", "x\n"), row("a|b", " "), row(null, ""));
        assertThat(text(schema, rows)).isEqualTo("\"#x\",#x\n\"q\\\"u\",\"\\\"s\"\n\"e\\\\\\\"q\",\"x\"\na|b,\"\"\n,\"\"\n");
        assertThat(text(schema, rows, "escape", "'")).isEqualTo("\"#x\",#x\n\"q'\"u\",\"'\"s\"\n\"e\\'\"q\",\"x\"\na|b,\"\"\n,\"\"\n");
        assertThat(text(schema, rows, "escapeQuotes", "false", "comment", "x")).isEqualTo("#x,#x\nq\"u,\"\\\"s\"\ne\\\"q,\"x\"\na|b,\"\"\n,\"\"\n");
        assertThat(text(schema, rows, "charToEscapeQuoteEscaping", "#", "quoteAll", "true", "nullValue", "N"))
                .isEqualTo("\"#x\",\"#x\"\n\"q\\\"u\",\"\\\"s\"\n\"e#\\\\\"q\",\"x\"\n\"a|b\",\"\"\n\"N\",\"\"\n");
        assertThat(text(schema, rows, "lineSep", "|", "ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false", "emptyValue", "E"))
                .isEqualTo("\"#x\",#x|\"q\\\"u\",\"\\\"s\"|\"e\\\\\\\"q\",\"x\n\"|\"a|b\", |,E|");
        assertThat(text(schema, List.of(row("x\ny", "a\r\n")), "lineSep", "xy")).isEqualTo("\"xxyy\",\"a\rxy\"xy");
        assertThat(text(schema, List.of(row("a;;b", "a;b")), "sep", ";;", "quote", "")).isEqualTo("\0a;;b\0;;a;b\n");
        assertThat(text(schema, List.of(row(null, "")), "nullValue", "\"x\"", "emptyValue", "\"y")).isEqualTo("\"x\",\"\\\"y\"\n");
    }

    private String text(StructType schema, List<List<Object>> rows, String... options) throws IOException {
        Path file = write(schema, writeOptions(options), rows);
        String text = Files.readString(file);
        Files.delete(file);
        return text;
    }

    @Test
    void roundTripsThroughTheReader() throws IOException {
        List<List<Object>> rows = List.of(
                row("  keep  ", -1, Long.MAX_VALUE, -0.5, false, new BigDecimal("123.4500000"), LocalDate.of(1969, 7, 20),
                        Instant.parse("1969-07-20T20:17:40.123Z")),
                row("x,\"y\"\r\nz\\", 0, 0L, Double.NaN, true, new BigDecimal("-1.0000000"), LocalDate.of(2038, 1, 19),
                        Instant.parse("2038-01-19T03:14:07Z")),
                row(null, null, null, null, null, null, null, null),
                row("", 1, 1L, Double.POSITIVE_INFINITY, true, BigDecimal.ZERO.setScale(7), LocalDate.of(2000, 1, 1),
                        Instant.parse("2000-01-01T00:00:00Z")));
        WriteOptions options = writeOptions("header", "true", "ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false",
                "timeZone", "America/Los_Angeles", "nullValue", "NULL");
        Path file = write(ALL_TYPES, options, rows);
        List<List<Object>> read = files.read(file, ALL_TYPES,
                CsvTestFiles.options("header", "true", "mode", "FAILFAST", "nullValue", "NULL", "timeZone", "Asia/Kolkata", "multiLine", "true"));
        assertThat(read).isEqualTo(rows.stream().map(r -> r.get(0) != null && r.get(0).equals("") ? withFirst(r, "") : r).toList());
    }

    @Test
    void roundTripsInferredSchema() throws IOException {
        Path file = write(ALL_TYPES, writeOptions("header", "true", "timeZone", "UTC"), List.of(
                row("a", 1, 3_000_000_000L, 0.25, true, new BigDecimal("1.5000000"), LocalDate.of(2024, 1, 1), Instant.parse("2024-01-01T10:00:00Z"))));
        var schema = format.inferSchema(LocalFiles.inputs(file), CsvTestFiles.options("header", "true", "inferSchema", "true", "timeZone", "UTC"));
        assertThat(schema.simpleString()).isEqualTo("struct<s:string,i:int,l:bigint,d:double,b:boolean,dec:double,day:date,ts:timestamp>");
    }

    @Test
    void writesGzipWithCustomSeparatorAndLineEnd() throws IOException {
        WriteOptions options = writeOptions("compression", "gzip", "sep", ";", "lineSep", "\r\n", "quoteAll", "true");
        assertThat(format.fileExtension(options)).isEqualTo(".csv.gz");
        StructType schema = new StructType(List.of()).add("a", AtomicType.STRING).add("n", AtomicType.INT);
        Path file = dir.resolve("out.csv.gz");
        try (BatchWriter writer = format.create(LocalFiles.output(file), schema, options)) {
            writer.write(batch(schema, List.of(row("x", 1), row("y;z", 2))));
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("\"x\";\"1\"\r\n\"y;z\";\"2\"\r\n");
        }
        assertThat(files.read(file, schema, CsvTestFiles.options("sep", ";"))).containsExactly(row("x", 1), row("y;z", 2));
    }

    @Test
    void extensionOptionAndRefusals() throws IOException {
        assertThat(format.fileExtension(writeOptions())).isEqualTo(".csv");
        assertThat(format.fileExtension(writeOptions("extension", "tsv"))).isEqualTo(".tsv");
        assertThatThrownBy(() -> format.fileExtension(writeOptions("compression", "zstd"))).hasMessageContaining("zstd");
        StructType binary = new StructType(List.of()).add("f", AtomicType.BINARY);
        assertThatThrownBy(() -> format.create(LocalFiles.output(dir.resolve("f.csv")), binary, writeOptions())).hasMessageContaining("`f` of type binary");
        Path existing = Files.writeString(dir.resolve("exists.csv"), "");
        StructType strings = new StructType(List.of()).add("s", AtomicType.STRING);
        assertThatThrownBy(() -> format.create(LocalFiles.output(existing), strings, writeOptions()))
                .hasMessageContaining("exists.csv")
                .hasRootCauseInstanceOf(FileAlreadyExistsException.class);
    }

    private Path write(StructType schema, WriteOptions options, List<List<Object>> rows) throws IOException {
        Path file = dir.resolve("out" + rows.hashCode() + format.fileExtension(options));
        try (BatchWriter writer = format.create(LocalFiles.output(file), schema, options)) {
            writer.write(batch(schema, rows));
        }
        return file;
    }

    private static Batch batch(StructType schema, List<List<Object>> rows) {
        List<ColumnVector> columns = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            VectorBuilder builder = VectorBuilder.create(schema.field(c).dataType(), rows.size());
            for (List<Object> row : rows) {
                builder.appendObject(row.get(c));
            }
            columns.add(builder.build());
        }
        return new Batch(columns, rows.size());
    }

    private static List<Object> withFirst(List<Object> row, Object first) {
        List<Object> copy = new ArrayList<>(row);
        copy.set(0, first);
        return Arrays.asList(copy.toArray());
    }

    private static WriteOptions writeOptions(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return new WriteOptions(map);
    }
}
