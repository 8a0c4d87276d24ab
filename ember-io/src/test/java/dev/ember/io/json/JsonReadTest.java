package dev.ember.io.json;

import static dev.ember.io.BatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.parser.SqlParser;
import dev.ember.sql.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReadTest {
    @TempDir
    Path dir;

    private JsonTestFiles files() {
        return new JsonTestFiles(dir);
    }

    @Test
    void convertsValuesToTheDeclaredTypes() throws IOException {
        String record = "{\"i\":7,\"d\":2,\"m\":\"1.005\",\"s\":{\"k\":[1, 2.50]},\"day\":\"2024-02-29\",\"ts\":\"2024-01-02T03:04:05Z\","
                + "\"secs\":60,\"bin\":\"aGk=\",\"arr\":[1,null],\"st\":{\"y\":\"b\",\"x\":1},\"f\":\"-Infinity\"}\n";
        List<List<Object>> rows = files().readAs(record, "i int, d double, m decimal(5,2), s string, day date, ts timestamp, secs timestamp, "
                + "bin binary, arr array<bigint>, st struct<x:int,y:string>, f float, absent string");
        assertThat(rows).hasSize(1);
        List<Object> values = rows.get(0);
        assertThat(values.subList(0, 7)).containsExactly(7, 2.0, new BigDecimal("1.01"), "{\"k\":[1,2.5]}", LocalDate.of(2024, 2, 29),
                Instant.parse("2024-01-02T03:04:05Z"), Instant.ofEpochSecond(60));
        assertThat((byte[]) values.get(7)).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(values.get(8)).isEqualTo(Arrays.asList(1L, null));
        assertThat(((Row) values.get(9)).get(0)).isEqualTo(1);
        assertThat(((Row) values.get(9)).get(1)).isEqualTo("b");
        assertThat(values.subList(10, 12)).containsExactly(Float.NEGATIVE_INFINITY, null);
    }

    @Test
    void aBadValueNullsOnlyItsFieldAndMarksTheRecord() throws IOException {
        String records = "{\"a\":\"x\",\"b\":2}\n{\"a\":3000000000,\"b\":3}\n{\"a\":1,\"b\":4,\"s\":{\"p\":\"bad\",\"q\":5}}\n{\"a\":[1,{\"deep\":[2]}],\"b\":5}\n";
        assertThat(files().readAs(records, "a int, b int, s struct<p:int,q:int>, _corrupt_record string")).containsExactly(
                row(null, 2, null, "{\"a\":\"x\",\"b\":2}"),
                row(null, 3, null, "{\"a\":3000000000,\"b\":3}"),
                row(1, 4, Row.of(null, 5), "{\"a\":1,\"b\":4,\"s\":{\"p\":\"bad\",\"q\":5}}"),
                row(null, 5, null, "{\"a\":[1,{\"deep\":[2]}],\"b\":5}"));
    }

    @Test
    void badJsonNullsTheWholeRowInPermissiveModeAndIsDroppedInDropMalformed() throws IOException {
        String records = "{\"a\":1,\"b\":[1,2]}\n{\"a\":2,\"b\":[\nnull\n7\n\n{\"a\":3}\n";
        assertThat(files().readAs(records, "a int, b array<int>, _corrupt_record string")).containsExactly(
                row(1, List.of(1, 2), null),
                row(null, null, "{\"a\":2,\"b\":["),
                row(null, null, "null"),
                row(null, null, "7"),
                row(3, null, null));
        assertThat(files().readAs(records, "a int, b array<int>", "mode", "DROPMALFORMED")).containsExactly(row(1, List.of(1, 2)), row(3, null));
    }

    @Test
    void failFastNamesTheFileAndLine() throws IOException {
        Path file = files().write("{\"a\":1}\n\n{\"a\":\"x\"}\n");
        assertThatThrownBy(() -> files().read(file, SqlParser.parseTableSchema("a int"), JsonTestFiles.options("mode", "FAILFAST")))
                .isInstanceOfSatisfying(EmberException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.FAILED_READ_FILE);
                    assertThat(e.getCause()).isInstanceOfSatisfying(EmberException.class,
                            cause -> assertThat(cause.errorClass()).isEqualTo(ErrorClass.MALFORMED_RECORD_IN_PARSING));
                })
                .hasMessageContaining(file.getFileName() + ":3: {\"a\":\"x\"}");
    }

    @Test
    void recordsAcrossTheReadBufferAndLongerThanItAreWhole() throws IOException {
        StringBuilder content = new StringBuilder();
        int rows = 0;
        while (content.length() < 700_000) {
            String text = rows == 1000 ? "x".repeat(600_000) : "y".repeat(rows % 97);
            content.append("{\"i\":").append(rows++).append(",\"s\":\"").append(text).append("\"}\n");
        }
        List<List<Object>> read = files().readAs(content.toString(), "i int, s string, _corrupt_record string");
        assertThat(read).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(read.get(i).get(0)).isEqualTo(i);
            assertThat(((String) read.get(i).get(1)).length()).isEqualTo(i == 1000 ? 600_000 : i % 97);
            assertThat(read.get(i).get(2)).isNull();
        }
    }

    @Test
    void everyLineEndEndsARecordAndWhatFollowsARecordOnItsLineIsIgnored() throws IOException {
        String records = "{\"a\":1}\r\n{\"a\":2}\r{\"a\":3}\n\r\n{\"a\":\r\n4}\n{\"a\":5} trailing\n{\"a\":6}{\"a\":7}\n  {\"a\":8}  ";
        List<List<Object>> expected = List.of(row(1, null), row(2, null), row(3, null), row(null, "{\"a\":"), row(null, "4}"),
                row(5, null), row(6, null), row(8, null));
        assertThat(files().readAs(records, "a int, _corrupt_record string")).isEqualTo(expected);
        // allowComments makes every line be parsed on its own: the same rows
        assertThat(files().readAs(records, "a int, _corrupt_record string", "allowComments", "true")).isEqualTo(expected);
        Path file = files().write(records);
        assertThatThrownBy(() -> files().read(file, SqlParser.parseTableSchema("a int"), JsonTestFiles.options("mode", "FAILFAST")))
                .hasMessageContaining(file.getFileName() + ":5: {\"a\":");
    }

    @Test
    void aMalformedLineBetweenGoodOnesIsOneRowAndTheReadGoesOn() throws IOException {
        String records = "{\"a\":1,\"b\":\"x\"}\n{\"b\":\"y\",\"a\":\"z\"}\n{\"a\":\"unterminated}\n{\"a\":4,\"c\":[1],\"b\":\"w\"}\n";
        assertThat(files().readAs(records, "a int, b string, _corrupt_record string")).containsExactly(
                row(1, "x", null),
                row(null, "y", "{\"b\":\"y\",\"a\":\"z\"}"),
                row(null, null, "{\"a\":\"unterminated}"),
                row(4, "w", null));
        assertThat(files().readAs(records, "a int, b string", "mode", "DROPMALFORMED")).containsExactly(row(1, "x"), row(4, "w"));
    }

    @Test
    void invalidUtf8IsAMalformedRecordNotACrash() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("{\"a\":\"ok\"}\n{\"a\":\"".getBytes(StandardCharsets.UTF_8));
        content.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        content.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        Path file = files().write(content.toByteArray());
        assertThat(files().read(file, SqlParser.parseTableSchema("a string, _corrupt_record string"), JsonTestFiles.options()))
                .containsExactly(row("ok", null), row(null, "{\"a\":\"\uFFFD\uFFFD\"}"));
    }

    @Test
    void onlyRequiredFieldsAreConverted() throws IOException {
        Path file = files().write("{\"a\":\"not a number\",\"b\":1}\n{\"b\":2,\"a\":3}\n");
        assertThat(files().read(file, SqlParser.parseTableSchema("a int, b int"), new int[] {1}, JsonTestFiles.options("mode", "FAILFAST")))
                .containsExactly(row(1), row(2));
    }

    @Test
    void arraysOfObjectsAreRowsRepeatedNamesKeepTheLastValue() throws IOException {
        assertThat(files().readAs("[{\"a\":1},{\"a\":2}]\n[]\n{\"a\":3,\"a\":4}\n   \n", "a int"))
                .containsExactly(row(1), row(2), row(4));
    }

    @Test
    void multiLineReadsOneValuePerFile() throws IOException {
        assertThat(files().read("[\n {\"a\": 1,\n  \"b\": \"x\\ny\"},\n {\"a\": 2}\n]\n", "multiLine", "true"))
                .containsExactly(row(1L, "x\ny"), row(2L, null));
        assertThat(files().readAs("{\"a\":\n 5}", "a int", "multiLine", "true")).containsExactly(row(5));
    }

    @Test
    void parserOptions() throws IOException {
        String record = "{a: 01, 'b': 'x\\q'} // note\n";
        assertThat(files().readAs(record, "a int, b string, _corrupt_record string")).containsExactly(row(null, null, record.strip()));
        assertThat(files().readAs(record, "a int, b string", "allowUnquotedFieldNames", "true", "allowNumericLeadingZeros", "true",
                "allowBackslashEscapingAnyCharacter", "true", "allowComments", "true")).containsExactly(row(1, "xq"));
        assertThat(files().readAs("{\"d\":NaN}\n", "d double, _corrupt_record string", "allowNonNumericNumbers", "false"))
                .containsExactly(row(null, "{\"d\":NaN}"));
    }

    @Test
    void otherEncodingsNeedALineSeparator() throws IOException {
        Path file = files().write("{\"a\":\"é\"}|{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16LE));
        assertThat(files().read(file, SqlParser.parseTableSchema("a string"), JsonTestFiles.options("encoding", "UTF-16LE", "lineSep", "|")))
                .containsExactly(row("é"), row("b"));
        assertThatThrownBy(() -> files().read(file, SqlParser.parseTableSchema("a string"), JsonTestFiles.options("encoding", "UTF-16LE")))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_PARAMETER_VALUE));
    }

    @Test
    void gzipFilesAreDecompressed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(dir.resolve("data.json.gz"), bytes.toByteArray());
        assertThat(files().read(file, SqlParser.parseTableSchema("a bigint"), JsonTestFiles.options())).containsExactly(row(1L), row(2L));
    }
}
