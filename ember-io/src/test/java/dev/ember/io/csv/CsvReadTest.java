package dev.ember.io.csv;

import static dev.ember.io.BatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.io.BatchRows;
import dev.ember.io.LocalFiles;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import dev.ember.source.FileSplit;
import dev.ember.vector.Batch;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadTest {
    private static final StructType ID_NAME = new StructType(List.of()).add("id", AtomicType.INT).add("name", AtomicType.STRING);

    @TempDir
    Path dir;
    private CsvTestFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvTestFiles(dir);
    }

    @Test
    void withoutHeaderColumnsAreNumberedStrings() throws IOException {
        assertThat(files.infer("1,a\n2,b\n").simpleString()).isEqualTo("struct<_c0:string,_c1:string>");
        assertThat(files.read("1,a\n2,b\n")).containsExactly(row("1", "a"), row("2", "b"));
    }

    @Test
    void headerNamesColumnsAndIsNotData() throws IOException {
        String content = "id,name\n1,a\n2,b\n";
        assertThat(files.infer(content, "header", "true").simpleString()).isEqualTo("struct<id:string,name:string>");
        assertThat(files.read(content, "header", "true")).containsExactly(row("1", "a"), row("2", "b"));
        assertThat(files.read(content, "header", "true", "inferSchema", "true")).containsExactly(row(1, "a"), row(2, "b"));
    }

    @Test
    void quotedFieldsHoldSeparatorsLineBreaksAndQuotes() throws IOException {
        String content = "\"a,b\",\"line1\nline2\",\"say \\\"hi\\\"\"\r\n"
                + "\"back\\\"slash\",\"\",plain\n";
        assertThat(files.read(content, "multiLine", "true")).containsExactly(
                row("a,b", "line1\nline2", "say \"hi\""),
                row("back\"slash", null, "plain"));
    }

    @Test
    void takesAQuotedFieldWithAStrayQuoteRawAsSparkDoes() throws IOException {
        String content = "\"say \"\"hi\"\"\",1\n\"a\\\"b\"c,2\n\"x\"\"\",3\n";
        assertThat(files.read(content)).containsExactly(row("\"say \"\"hi\"\"\"", "1"), row("\"a\"b\"c", "2"), row("x\"\"", "3"));
        assertThat(files.read(content, "escape", "\"")).containsExactly(row("say \"hi\"", "1"), row("\"a\\\"b\"c", "2"), row("x\"", "3"));
    }

    @Test
    void strayQuotesAreKept() throws IOException {
        assertThat(files.read("\"a\"b\",c\nx\"y,z\n")).containsExactly(row("\"a\"b\"", "c"), row("x\"y", "z"));
    }

    @Test
    void customQuoteEscapeAndSeparator() throws IOException {
        assertThat(files.read("'it#'s';'x#'y'\n", "quote", "'", "escape", "#", "sep", ";")).containsExactly(row("it's", "x'y"));
        assertThat(files.read("a||b||c\n", "sep", "||")).containsExactly(row("a", "b", "c"));
        assertThat(files.read("a\tb\n", "delimiter", "\\t")).containsExactly(row("a", "b"));
    }

    @Test
    void emptyQuoteTurnsQuotingOff() throws IOException {
        assertThat(files.read("\"a,b\"\n", "quote", "")).containsExactly(row("\"a", "b\""));
    }

    @Test
    void emptyFieldsAreNullForEveryTypeByDefault() throws IOException {
        StructType schema = ID_NAME.add("score", AtomicType.DOUBLE);
        assertThat(files.read("1,,\n,\"\",2.5\n", schema)).containsExactly(row(1, null, null), row(null, null, 2.5));
    }

    @Test
    void nullValueOptionNamesTheNullSpelling() throws IOException {
        assertThat(files.read("1,NA\nNA,\n", ID_NAME, "nullValue", "NA")).containsExactly(row(1, null), row(null, null));
    }

    @Test
    void parsesEachType() throws IOException {
        StructType schema = new StructType(List.of())
                .add("i", AtomicType.INT).add("l", AtomicType.LONG).add("d", AtomicType.DOUBLE)
                .add("b", AtomicType.BOOLEAN).add("dec", new DecimalType(5, 2)).add("day", AtomicType.DATE)
                .add("ts", AtomicType.TIMESTAMP).add("s", AtomicType.STRING);
        List<List<Object>> rows = files.read("-7,9000000000,1.5e3,TRUE,3.145,2024-02-29,2024-02-29 10:15:30.5,héllo ☃ \uD83D\uDE00\n"
                + "+7,0,NaN,false,-1,2024-1-5,2024-02-29T10:15:30Z,\n", schema, "timeZone", "+02:00");
        assertThat(rows).containsExactly(
                row(-7, 9_000_000_000L, 1500.0, true, new BigDecimal("3.15"), LocalDate.of(2024, 2, 29),
                        Instant.parse("2024-02-29T08:15:30.5Z"), "héllo ☃ \uD83D\uDE00"),
                row(7, 0L, Double.NaN, false, new BigDecimal("-1.00"), LocalDate.of(2024, 1, 5), Instant.parse("2024-02-29T10:15:30Z"), null));
    }

    @Test
    void decimalsRoundHalfUpAndMalformedOnesAreNull() throws IOException {
        StructType schema = new StructType(List.of()).add("small", new DecimalType(5, 2)).add("wide", new DecimalType(38, 4));
        List<List<Object>> rows = files.read("-1.005,123456789012345678901234.56785\n"
                + "+.5,-9223372036854775808\n"
                + "999.994,1e3\n"
                + "999.995,5.\n"
                + "1.2.3,-\n"
                + "0.00000000000000000000000001,00000000000000000000000000001.5\n", schema);
        assertThat(rows).containsExactly(
                row(new BigDecimal("-1.01"), new BigDecimal("123456789012345678901234.5679")),
                row(new BigDecimal("0.50"), new BigDecimal("-9223372036854775808.0000")),
                row(new BigDecimal("999.99"), new BigDecimal("1000.0000")),
                row(null, new BigDecimal("5.0000")),
                row(null, null),
                row(new BigDecimal("0.00"), new BigDecimal("1.5000")));
    }

    @Test
    void infinitiesAndCustomDateFormat() throws IOException {
        StructType schema = new StructType(List.of()).add("d", AtomicType.DOUBLE).add("day", AtomicType.DATE);
        assertThat(files.read("Inf,01/02/2024\n-Inf,31/12/1969\n", schema, "dateFormat", "dd/MM/yyyy"))
                .containsExactly(row(Double.POSITIVE_INFINITY, LocalDate.of(2024, 2, 1)), row(Double.NEGATIVE_INFINITY, LocalDate.of(1969, 12, 31)));
    }

    @Test
    void permissiveModeNullsBadValuesAndPadsShortRecords() throws IOException {
        assertThat(files.read("1,a\nx,b\n3\n4,d,extra\n", ID_NAME))
                .containsExactly(row(1, "a"), row(null, "b"), row(3, null), row(4, "d"));
    }

    @Test
    void permissiveModeFillsTheCorruptRecordColumn() throws IOException {
        StructType schema = ID_NAME.add("_corrupt_record", AtomicType.STRING);
        assertThat(files.read("1,a\nx,\"b,c\"\n3\n", schema))
                .containsExactly(row(1, "a", null), row(null, "b,c", "x,\"b,c\""), row(3, null, "3"));
        StructType renamed = new StructType(List.of()).add("bad", AtomicType.STRING).add("id", AtomicType.INT);
        assertThat(files.read("x\n2\n", renamed, "columnNameOfCorruptRecord", "bad"))
                .containsExactly(row("x", null), row(null, 2));
    }

    @Test
    void dropMalformedModeDropsBadRecords() throws IOException {
        assertThat(files.read("1,a\nx,b\n3\n4,d,extra\n5,e\n", ID_NAME, "mode", "DROPMALFORMED"))
                .containsExactly(row(1, "a"), row(5, "e"));
    }

    @Test
    void failFastModeNamesFileAndLine() throws IOException {
        Path file = files.write("id,name\n1,a\n\n2,\"multi\nline\"\nx,c\n");
        assertThatThrownBy(() -> files.read(file, ID_NAME, CsvTestFiles.options("mode", "failfast", "header", "true", "multiLine", "true")))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.FAILED_READ_FILE))
                .hasMessageContaining(file + ":6: x,c")
                .hasMessageContaining("'x' is not a valid int for column `id`");
        Path shortRecord = files.write("1,a\n2\n");
        assertThatThrownBy(() -> files.read(shortRecord, ID_NAME, CsvTestFiles.options("mode", "FAILFAST")))
                .hasMessageContaining(shortRecord + ":2: 2 (expected 2 fields but found 1)");
    }

    @Test
    void failFastLineNumbersCountFromTheFileStartInLaterSplits() throws IOException {
        Path file = files.write("1,a\n2,b\n3,c\nbad,d\n");
        long length = Files.size(file);
        var reader = LocalFiles.open(new CsvFormat(), LocalFiles.split(file, 6, length - 6, length), ID_NAME, new int[] {0, 1},
                CsvTestFiles.options("mode", "FAILFAST"));
        assertThatThrownBy(() -> BatchRows.readAll(reader)).hasMessageContaining(file + ":4: bad,d");
    }

    @Test
    void onlyRequiredColumnsAreParsedInTheGivenOrder() throws IOException {
        Path file = files.write("1,a,x\n2,b,y\n");
        StructType schema = ID_NAME.add("flag", AtomicType.BOOLEAN);
        var reader = LocalFiles.open(new CsvFormat(), LocalFiles.whole(file), schema, new int[] {1, 0},
                CsvTestFiles.options("mode", "FAILFAST"));
        assertThat(BatchRows.readAll(reader)).containsExactly(row("a", 1), row("b", 2));
    }

    @Test
    void noRequiredColumnsCountsRows() throws IOException {
        Path file = files.write("1,a\n2,b\n3,c\n");
        try (var reader = LocalFiles.open(new CsvFormat(), LocalFiles.whole(file), ID_NAME, new int[0],
                CsvTestFiles.options())) {
            Batch batch = reader.next();
            assertThat(batch.columnCount()).isZero();
            assertThat(batch.rowCount()).isEqualTo(3);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void commentsBlankLinesAndWhitespace() throws IOException {
        String content = "#comment, with \"quote\n \n1, a \n\n2,\" b \"\n";
        assertThat(files.read(content, ID_NAME, "comment", "#")).containsExactly(row(1, " a "), row(2, " b "));
        assertThat(files.read("1, a \n2 , \" b \" \n", ID_NAME, "ignoreLeadingWhiteSpace", "true", "ignoreTrailingWhiteSpace", "true"))
                .containsExactly(row(1, "a"), row(2, " b "));
    }

    @Test
    void readsOtherEncodingsAndDropsByteOrderMark() throws IOException {
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "1,café\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(files.read(latin, ID_NAME, CsvTestFiles.options("encoding", "ISO-8859-1"))).containsExactly(row(1, "café"));
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "1,a\n2,b\n".getBytes(StandardCharsets.UTF_16));
        assertThat(files.read(utf16, ID_NAME, CsvTestFiles.options("charset", "UTF-16"))).containsExactly(row(1, "a"), row(2, "b"));
        assertThat(files.read("\uFEFFid,name\n1,a\n", "header", "true", "inferSchema", "true")).containsExactly(row(1, "a"));
    }

    @Test
    void emptyFileHasNoColumnsAndNoRows() throws IOException {
        assertThat(files.infer("", "header", "true", "inferSchema", "true").size()).isZero();
        assertThat(files.read("", ID_NAME)).isEmpty();
        assertThat(files.read("id,name\n", ID_NAME, "header", "true")).isEmpty();
    }

    @Test
    void readsManyBatches() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            content.append(i).append(",name").append(i).append('\n');
        }
        List<List<Object>> rows = files.read(content.toString(), ID_NAME);
        assertThat(rows).hasSize(10_000);
        assertThat(rows.get(9_999)).isEqualTo(row(9_999, "name9999"));
    }

    @Test
    void unsupportedColumnTypeIsReportedByName() {
        StructType schema = new StructType(List.of()).add("f", AtomicType.BINARY);
        assertThatThrownBy(() -> files.read("1.5\n", schema))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.UNSUPPORTED_FEATURE))
                .hasMessageContaining("`f` of type binary");
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> files.read("a\n", "lineSep", ";;;")).hasMessageContaining("lineSep");
        assertThatThrownBy(() -> files.read("a\n", "encoding", "no-such-charset")).hasMessageContaining("no-such-charset");
        assertThatThrownBy(() -> files.read("a\n", "sep", "")).hasMessageContaining("`sep`");
    }

    @Test
    void fieldCountIsCheckedOnlyWhenEveryColumnIsRead() throws IOException {
        Path file = files.write("1,a\n2\n3,c,extra\n");
        var pruned = LocalFiles.open(new CsvFormat(), LocalFiles.whole(file), ID_NAME, new int[] {0}, CsvTestFiles.options("mode", "FAILFAST"));
        assertThat(BatchRows.readAll(pruned)).containsExactly(row(1), row(2), row(3));
        assertThat(files.read(file, ID_NAME, CsvTestFiles.options("mode", "DROPMALFORMED"))).containsExactly(row(1, "a"));
    }

    @Test
    void unquotedEmptyFieldsAreNullAndQuotedOnesTakeEmptyValue() throws IOException {
        String content = "1,,x\n2,\"\",NA\n";
        StructType schema = ID_NAME.add("note", AtomicType.STRING);
        assertThat(files.read(files.write(content), schema, CsvTestFiles.options("nullValue", "NA")))
                .containsExactly(row(1, null, "x"), row(2, "", null));
        assertThat(files.read(files.write(content), schema, CsvTestFiles.options("emptyValue", "EMPTY")))
                .containsExactly(row(1, null, "x"), row(2, "EMPTY", "NA"));
    }

    @Test
    void withoutMultiLineAQuoteOpenAtALineEndClosesThere() throws IOException {
        assertThat(files.read("1,\"one\ntwo\"\n")).containsExactly(row("1", "one"), row("two\"", null));
    }

    @Test
    void customLineSeparatorsEndRecords() throws IOException {
        assertThat(files.read("id,name|1,a|2,b|", "header", "true", "lineSep", "|")).containsExactly(row("1", "a"), row("2", "b"));
        assertThat(files.read("1,a;;2,b;c", "lineSep", ";;")).containsExactly(row("1", "a"), row("2", "b;c"));
    }

    @Test
    void enforceSchemaOffRequiresTheHeaderToNameTheSchemaColumns() throws IOException {
        Path file = files.write("ID,Name\n1,a\n");
        assertThat(files.read(file, ID_NAME, CsvTestFiles.options("header", "true", "enforceSchema", "false"))).containsExactly(row(1, "a"));
        Path other = files.write("x,y\n1,a\n");
        assertThatThrownBy(() -> files.read(other, ID_NAME, CsvTestFiles.options("header", "true", "enforceSchema", "false")))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.FAILED_READ_FILE))
                .hasMessageContaining("CSV header does not conform to the schema");
    }

    @Test
    void floatsShortsAndBytesAreRead() throws IOException {
        StructType schema = new StructType(List.of()).add("f", AtomicType.FLOAT).add("s", AtomicType.SHORT).add("b", AtomicType.BYTE);
        assertThat(files.read(files.write("1.5,300,-7\nInf,1,1\n"), schema, CsvTestFiles.options()))
                .containsExactly(row(1.5f, (short) 300, (byte) -7), row(Float.POSITIVE_INFINITY, (short) 1, (byte) 1));
    }
}
