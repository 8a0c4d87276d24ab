package dev.ember.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSchemaInferenceTest {
    @TempDir
    Path dir;

    private JsonTestFiles files() {
        return new JsonTestFiles(dir);
    }

    @Test
    void fieldsAreSortedByNameAtEveryLevelWithSparksTypes() throws IOException {
        assertThat(files().infer("{\"b\":1,\"a\":\"x\",\"c\":1.5,\"d\":true,\"e\":{\"z\":1,\"y\":[1,2]},\"f\":null,\"g\":[],\"h\":{}}\n").simpleString())
                .isEqualTo("struct<a:string,b:bigint,c:double,d:boolean,e:struct<y:array<bigint>,z:bigint>,f:string,g:array<string>>");
    }

    @Test
    void recordsWidenToTheNarrowestTypeHoldingBoth() throws IOException {
        String records = """
                {"int_double":1,"int_string":1,"struct_int":{"x":1},"arrays":[1],"bool_int":true,"nested":[{"p":1}],"empty":""}
                {"int_double":2.5,"int_string":"two","struct_int":5,"arrays":[1.5],"bool_int":1,"nested":[{"q":"z"}],"empty":7}
                """;
        assertThat(files().infer(records).simpleString()).isEqualTo("struct<arrays:array<double>,bool_int:string,empty:bigint,"
                + "int_double:double,int_string:string,nested:array<struct<p:bigint,q:string>>,struct_int:string>");
    }

    @Test
    void prefersDecimalAndHugeIntegersGiveDecimals() throws IOException {
        assertThat(files().infer("{\"a\":1.25,\"big\":12345678901234567890}\n{\"a\":10.5}\n", "prefersDecimal", "true").simpleString())
                .isEqualTo("struct<a:decimal(4,2),big:decimal(20,0)>");
        assertThat(files().infer("{\"a\":1.25,\"big\":12345678901234567890}\n").simpleString())
                .isEqualTo("struct<a:double,big:decimal(20,0)>");
        assertThat(files().infer("{\"a\":1,\"b\":true,\"c\":[2.5]}\n", "primitivesAsString", "true").simpleString())
                .isEqualTo("struct<a:string,b:string,c:array<string>>");
    }

    @Test
    void dropFieldIfAllNullDropsNullsAndEmptyArrays() throws IOException {
        assertThat(files().infer("{\"a\":1,\"b\":null,\"c\":[],\"d\":{\"e\":null}}\n", "dropFieldIfAllNull", "true").simpleString())
                .isEqualTo("struct<a:bigint>");
    }

    @Test
    void timestampsAreInferredOnlyWhenAsked() throws IOException {
        String records = "{\"t\":\"2024-01-15T10:20:30\",\"d\":\"2024-01-15\"}\n";
        assertThat(files().infer(records).simpleString()).isEqualTo("struct<d:string,t:string>");
        assertThat(files().infer(records, "inferTimestamp", "true").simpleString()).isEqualTo("struct<d:timestamp,t:timestamp>");
    }

    @Test
    void malformedRecordsAddTheCorruptColumnOnlyInPermissiveMode() throws IOException {
        String records = "{\"b\":1}\n{\"b\":\nnot json\n5\n[{\"a\":\"x\"}]\n";
        assertThat(files().infer(records).simpleString()).isEqualTo("struct<_corrupt_record:string,a:string,b:bigint>");
        assertThat(files().infer(records, "columnNameOfCorruptRecord", "zz").simpleString()).isEqualTo("struct<a:string,b:bigint,zz:string>");
        assertThat(files().infer(records, "mode", "DROPMALFORMED").simpleString()).isEqualTo("struct<a:string,b:bigint>");
        assertThatThrownBy(() -> files().infer(records, "mode", "FAILFAST"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.MALFORMED_RECORD_IN_PARSING))
                .hasMessageContaining(".json:2: {\"b\":");
    }

    @Test
    void namesDifferingInCaseAreOneField() throws IOException {
        assertThat(files().infer("{\"name\":\"a\"}\n{\"Name\":1}\n").simpleString()).isEqualTo("struct<name:string>");
    }

    @Test
    void multiLineFilesAndBlankFiles() throws IOException {
        assertThat(files().infer("[\n {\"a\": 1},\n {\"b\": [\n \"x\"]}\n]\n", "multiLine", "true").simpleString())
                .isEqualTo("struct<a:bigint,b:array<string>>");
        assertThat(files().infer("\n  \n").size()).isZero();
    }
}
