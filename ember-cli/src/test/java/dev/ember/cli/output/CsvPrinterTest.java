package dev.ember.cli.output;

import static dev.ember.cli.output.SampleResults.CHATHAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvPrinterTest {
    @Test
    void writesValuesAsSparkCastsThemToString() throws IOException {
        // The header, then the row Spark 4.2 returns for CAST(<column> AS STRING) of each column.
        assertThat(print(SampleResults.SCHEMA, List.of(SampleResults.ROW))).isEqualTo(
                "x,n,d,f,dz,dec,dt,ts,bin,arr,sarr,st,esc,wide,b,nan\n"
                        + "1,,1.0E10,1.5,0.0000000000,1.50,2024-01-02,2024-01-02 03:04:05.12,hello,"
                        + "\"[1, null, 3]\",\"[a, null]\",\"{1, null}\",\"a\tb\nc\",日本,true,NaN\n");
    }

    @Test
    void quotesFieldsAsRfc4180AsksAndKeepsNullApartFromEmpty() throws IOException {
        StructType schema = StructType.of(
                DataTypes.createStructField("text", DataTypes.StringType, true),
                DataTypes.createStructField("say \"hi\", then", DataTypes.StringType, true));
        List<Row> rows = List.of(
                Row.of("plain", "with, comma"),
                Row.of("she said \"no\"", "line\r\nbreak"),
                Row.of("", null),
                Row.of(" spaced ", "semi;colon"));

        assertThat(print(schema, rows)).isEqualTo("""
                text,"say ""hi"", then"
                plain,"with, comma"
                "she said ""no\"\"","line\r
                break"
                "",
                 spaced ,semi;colon
                """);
    }

    @Test
    void writesOnlyTheHeaderForAnEmptyResult() throws IOException {
        StructType schema = StructType.of(
                DataTypes.createStructField("a", DataTypes.IntegerType, true),
                DataTypes.createStructField("b", DataTypes.IntegerType, true));

        assertThat(print(schema, List.of())).isEqualTo("a,b\n");
    }

    private static String print(StructType schema, List<Row> rows) throws IOException {
        StringWriter out = new StringWriter();
        ResultPrinter.create(OutputFormat.CSV, out, CHATHAM).print(schema, rows);
        return out.toString();
    }
}
