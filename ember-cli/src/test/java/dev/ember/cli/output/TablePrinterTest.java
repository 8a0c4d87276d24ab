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

class TablePrinterTest {
    @Test
    void printsEveryKindOfValueAsSparkShowsIt() throws IOException {
        // Spark 4.2, df.show(false), for the query in SampleResults.
        assertThat(print(SampleResults.SCHEMA, List.of(SampleResults.ROW))).isEqualTo("""
                +---+----+------+---+------------+----+----------+----------------------+----------------+------------+---------+---------+-------+----+----+---+
                |x  |n   |d     |f  |dz          |dec |dt        |ts                    |bin             |arr         |sarr     |st       |esc    |wide|b   |nan|
                +---+----+------+---+------------+----+----------+----------------------+----------------+------------+---------+---------+-------+----+----+---+
                |1  |NULL|1.0E10|1.5|0.0000000000|1.50|2024-01-02|2024-01-02 03:04:05.12|[68 65 6C 6C 6F]|[1, NULL, 3]|[a, NULL]|{1, NULL}|a\\tb\\nc|日本|true|NaN|
                +---+----+------+---+------------+----+----------+----------------------+----------------+------------+---------+---------+-------+----+----+---+

                """);
    }

    @Test
    void printsTheHeaderOfAnEmptyResult() throws IOException {
        StructType schema = StructType.of(DataTypes.createStructField("id", DataTypes.LongType, false));

        assertThat(print(schema, List.of())).isEqualTo("""
                +---+
                |id |
                +---+
                +---+

                """);
    }

    @Test
    void printsAllRowsWithoutTruncatingCells() throws IOException {
        StructType schema = StructType.of(DataTypes.createStructField("s", DataTypes.StringType, true));
        String longText = "a string well over twenty characters long";
        List<Row> rows = java.util.stream.IntStream.range(0, 25).mapToObj(i -> Row.of(longText)).toList();

        String table = print(schema, rows);

        assertThat(table.lines().filter(line -> line.equals("|" + longText + "|"))).hasSize(25);
        assertThat(table).doesNotContain("only showing");
    }

    @Test
    void widensColumnsForFullWidthCharactersAndEscapesControlCharactersInNames() throws IOException {
        StructType schema = StructType.of(
                DataTypes.createStructField("名前", DataTypes.StringType, true),
                DataTypes.createStructField("a\tb", DataTypes.IntegerType, true));

        assertThat(print(schema, List.of(Row.of("東京都", 7), Row.of("x", null)))).isEqualTo("""
                +------+----+
                |名前  |a\\tb|
                +------+----+
                |東京都|7   |
                |x     |NULL|
                +------+----+

                """);
    }

    @Test
    void countsFullWidthCharactersTwiceAsSparkDoes() {
        assertThat(TablePrinter.displayWidth("abc")).isEqualTo(3);
        assertThat(TablePrinter.displayWidth("日本")).isEqualTo(4);
        assertThat(TablePrinter.displayWidth("한국어")).isEqualTo(6);
        assertThat(TablePrinter.displayWidth("ＡＢ")).isEqualTo(4);
        // As Spark 4.2 measures them: UTF-16 units, half-width katakana and combining marks once each.
        assertThat(TablePrinter.displayWidth("x\uD83D\uDE00y")).isEqualTo(4);
        assertThat(TablePrinter.displayWidth("ｶﾀ")).isEqualTo(2);
        assertThat(TablePrinter.displayWidth("e\u0301")).isEqualTo(2);
        assertThat(TablePrinter.displayWidth("€")).isEqualTo(1);
    }

    private static String print(StructType schema, List<Row> rows) throws IOException {
        StringWriter out = new StringWriter();
        ResultPrinter.create(OutputFormat.TABLE, out, CHATHAM).print(schema, rows);
        return out.toString();
    }
}
