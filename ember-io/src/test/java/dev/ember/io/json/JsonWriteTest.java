package dev.ember.io.json;

import static dev.ember.io.BatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.parser.SqlParser;
import dev.ember.source.BatchWriter;
import dev.ember.source.WriteOptions;
import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWriteTest {
    private static final StructType SCHEMA = SqlParser.parseTableSchema(
            "i int, d double, m decimal(4,2), s string, day date, ts timestamp, bin binary, arr array<int>, st struct<x:int,y:string>");
    private static final List<List<Object>> ROWS = List.of(
            Arrays.asList(1, 1.5, new BigDecimal("1.50"), "a\"b\n", LocalDate.of(2024, 2, 29), Instant.parse("2024-01-02T03:04:05.678Z"),
                    "hi".getBytes(StandardCharsets.UTF_8), Arrays.asList(1, null), Row.of(null, "y")),
            Arrays.asList(null, Double.NaN, null, null, null, null, null, List.of(), null));

    @TempDir
    Path dir;

    @Test
    void writesOneObjectPerLineLeavingNullsOut() throws IOException {
        Path file = write("plain.json", Map.of("timeZone", "UTC"));
        assertThat(Files.readString(file)).isEqualTo("""
                {"i":1,"d":1.5,"m":1.50,"s":"a\\"b\\n","day":"2024-02-29","ts":"2024-01-02T03:04:05.678Z","bin":"aGk=","arr":[1,null],"st":{"y":"y"}}
                {"d":"NaN","arr":[]}
                """);
    }

    @Test
    void nullsAreWrittenWhenAskedAndFormatsFollowTheOptions() throws IOException {
        Path file = write("nulls.json", Map.of("ignoreNullFields", "false", "timeZone", "Asia/Kolkata",
                "timestampFormat", "yyyy/MM/dd HH:mm", "dateFormat", "dd.MM.yyyy", "lineSep", "\r\n"));
        String text = Files.readString(file);
        assertThat(text).startsWith("{\"i\":1,").contains("\"day\":\"29.02.2024\",\"ts\":\"2024/01/02 08:34\"")
                .contains("\"st\":{\"x\":null,\"y\":\"y\"}}\r\n").endsWith("{\"i\":null,\"d\":\"NaN\",\"m\":null,\"s\":null,\"day\":null,"
                        + "\"ts\":null,\"bin\":null,\"arr\":[],\"st\":null}\r\n");
    }

    @Test
    void gzipWritesReadBackToTheSameValues() throws IOException {
        WriteOptions options = new WriteOptions(Map.of("compression", "gzip"));
        assertThat(new JsonFormat().fileExtension(options)).isEqualTo(".json.gz");
        Path file = write("data.json.gz", options.asMap());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("{\"i\":1,\"d\":1.5,");
        }
        List<List<Object>> read = BatchRows.readAll(LocalFiles.open(new JsonFormat(), LocalFiles.whole(file), SCHEMA,
                new int[] {0, 1, 2, 3, 4, 5, 7}, JsonTestFiles.options()));
        assertThat(read).containsExactly(
                row(1, 1.5, new BigDecimal("1.50"), "a\"b\n", LocalDate.of(2024, 2, 29), Instant.parse("2024-01-02T03:04:05.678Z"), Arrays.asList(1, null)),
                row(null, Double.NaN, null, null, null, null, List.of()));
    }

    private Path write(String name, Map<String, String> options) throws IOException {
        Path file = dir.resolve(name);
        BatchWriter writer = new JsonFormat().create(LocalFiles.output(file), SCHEMA, new WriteOptions(options));
        List<ColumnVector> columns = new ArrayList<>();
        for (int c = 0; c < SCHEMA.size(); c++) {
            VectorBuilder builder = VectorBuilder.create(SCHEMA.field(c).dataType(), ROWS.size());
            for (List<Object> row : ROWS) {
                builder.appendObject(row.get(c));
            }
            columns.add(builder.build());
        }
        writer.write(new Batch(columns, ROWS.size()));
        writer.close();
        return file;
    }
}
