package dev.ember.io.csv;

import static dev.ember.io.BatchRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.LocalFiles;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSchemaInferenceTest {
    @TempDir
    Path dir;
    private CsvTestFiles files;

    @BeforeEach
    void setUp() {
        files = new CsvTestFiles(dir);
    }

    @Test
    void infersEachType() throws IOException {
        assertThat(typeOf("1", "-2", "+3")).isEqualTo(AtomicType.INT);
        assertThat(typeOf("1", "3000000000")).isEqualTo(AtomicType.LONG);
        assertThat(typeOf("1", "12345678901234567890")).isEqualTo(new DecimalType(20, 0));
        assertThat(typeOf("1", "1.5")).isEqualTo(AtomicType.DOUBLE);
        assertThat(typeOf("1e3", "NaN", "-Inf")).isEqualTo(AtomicType.DOUBLE);
        assertThat(typeOf("12345678901234567890", "0.5")).isEqualTo(AtomicType.DOUBLE);
        assertThat(typeOf("true", "FALSE")).isEqualTo(AtomicType.BOOLEAN);
        assertThat(typeOf("2024-01-31", "1999-12-01")).isEqualTo(AtomicType.DATE);
        assertThat(typeOf("2024-01-31 10:00:00", "2024-01-31T10:00:00.123Z")).isEqualTo(AtomicType.TIMESTAMP);
        assertThat(typeOf("a", "1")).isEqualTo(AtomicType.STRING);
    }

    @Test
    void mixedTypesWidenOrBecomeStrings() throws IOException {
        assertThat(typeOf("1", "true")).isEqualTo(AtomicType.STRING);
        assertThat(typeOf("true", "1")).isEqualTo(AtomicType.STRING);
        assertThat(typeOf("2024-01-31", "2024-01-31 10:00:00")).isEqualTo(AtomicType.TIMESTAMP);
        assertThat(typeOf("2024-13-01")).isEqualTo(AtomicType.STRING);
        assertThat(typeOf("1.5", "2")).isEqualTo(AtomicType.DOUBLE);
    }

    @Test
    void nullsDoNotConstrainAndAllNullColumnsAreStrings() throws IOException {
        assertThat(files.infer("1,,x\n,,\n2,,y\n", "inferSchema", "true").simpleString())
                .isEqualTo("struct<_c0:int,_c1:string,_c2:string>");
        assertThat(files.infer("1,NA\nNA,2.5\n", "inferSchema", "true", "nullValue", "NA").simpleString())
                .isEqualTo("struct<_c0:int,_c1:double>");
    }

    @Test
    void preferDateFalseInfersTimestamps() throws IOException {
        assertThat(files.infer("2024-01-31\n", "inferSchema", "true", "preferDate", "false").field(0).dataType())
                .isEqualTo(AtomicType.TIMESTAMP);
        assertThat(files.infer("31/01/2024\n", "inferSchema", "true", "dateFormat", "dd/MM/yyyy").field(0).dataType())
                .isEqualTo(AtomicType.DATE);
    }

    @Test
    void headerNamesAreMadeSafe() throws IOException {
        assertThat(List.of(files.infer("a,,A,b\n1,2,3,4\n", "header", "true").fieldNames()))
                .containsExactly("a0", "_c1", "A2", "b");
    }

    @Test
    void readsEveryFileAndTheHeaderOfTheFirst() throws IOException {
        Path first = files.write("id,score\n1,2\n");
        Path second = files.write("id,score\n3000000000,2.5\n");
        var schema = new CsvFormat().inferSchema(LocalFiles.inputs(first, second), CsvTestFiles.options("header", "true", "inferSchema", "true"));
        assertThat(schema.simpleString()).isEqualTo("struct<id:bigint,score:double>");
    }

    @Test
    void emptyFilesAreSkipped() throws IOException {
        Path empty = files.write("");
        Path data = files.write("1,x\n");
        var schema = new CsvFormat().inferSchema(LocalFiles.inputs(empty, data), CsvTestFiles.options("inferSchema", "true"));
        assertThat(schema.simpleString()).isEqualTo("struct<_c0:int,_c1:string>");
    }

    @Test
    void columnsCountFromTheFirstRecord() throws IOException {
        assertThat(files.infer("1,2\n3,4,5\n", "inferSchema", "true").simpleString()).isEqualTo("struct<_c0:int,_c1:int>");
    }

    @Test
    void inferredSchemaReadsBackTheValues() throws IOException {
        String content = "n,big,x,flag,day\n1,12345678901234567890,0.5,true,2024-02-29\n,1,2,false,\n";
        assertThat(files.read(content, "header", "true", "inferSchema", "true")).containsExactly(
                row(1, new BigDecimal("12345678901234567890"), 0.5, true, java.time.LocalDate.of(2024, 2, 29)),
                row(null, BigDecimal.ONE, 2.0, false, null));
    }

    @Test
    void commonTypeFollowsSpark() {
        assertThat(CsvSchemaInference.commonType(AtomicType.INT, new DecimalType(20, 0))).isEqualTo(new DecimalType(20, 0));
        assertThat(CsvSchemaInference.commonType(new DecimalType(5, 2), new DecimalType(10, 0))).isEqualTo(new DecimalType(12, 2));
        assertThat(CsvSchemaInference.commonType(new DecimalType(38, 0), new DecimalType(5, 5))).isEqualTo(AtomicType.DOUBLE);
        assertThat(CsvSchemaInference.commonType(AtomicType.LONG, AtomicType.DOUBLE)).isEqualTo(AtomicType.DOUBLE);
        assertThat(CsvSchemaInference.commonType(AtomicType.DATE, AtomicType.TIMESTAMP)).isEqualTo(AtomicType.TIMESTAMP);
    }

    private DataType typeOf(String... values) throws IOException {
        return files.infer(String.join("\n", values) + "\n", "inferSchema", "true", "timeZone", "UTC").field(0).dataType();
    }
}
