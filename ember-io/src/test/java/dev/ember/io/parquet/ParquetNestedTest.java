package dev.ember.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structs and maps (and their nesting in arrays and each other) written as Parquet read back the same. */
class ParquetNestedTest {
    private static final String NESTED = """
            SELECT id,
                   CASE WHEN id % 5 = 0 THEN NULL ELSE named_struct('a', id, 'b', CASE WHEN id % 3 = 0 THEN NULL ELSE concat('b', id) END) END AS s,
                   CASE WHEN id % 4 = 0 THEN NULL WHEN id % 4 = 1 THEN map() ELSE map(concat('k', id), id, 'z', CASE WHEN id % 2 = 0 THEN NULL ELSE -id END) END AS m,
                   CASE WHEN id % 6 = 0 THEN NULL ELSE array(named_struct('x', id, 'ys', array(id, NULL)), NULL, named_struct('x', NULL, 'ys', NULL)) END AS structs,
                   named_struct('inner', named_struct('m', map(id, array('p', NULL)), 'n', id % 2 = 0), 'last', 'end') AS deep,
                   map('one', named_struct('v', id), 'two', CAST(NULL AS STRUCT<v: BIGINT>)) AS struct_values
            FROM range(0, 40)""";

    @TempDir
    static Path dir;
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[2]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        ember.close();
    }

    @Test
    void nestedColumnsReadBackAsWritten() {
        DataFrame original = ember.sql(NESTED);
        Path target = dir.resolve("nested");
        original.write().parquet(target.toString());

        DataFrame read = ember.read().parquet(target.toString());
        assertThat(read.schema()).isEqualTo(original.schema());
        List<Row> expected = original.orderBy("id").collectAsList();
        assertThat(read.orderBy("id").collectAsList()).isEqualTo(expected);
        assertThat(expected.get(1).getStruct(1).<String>getAs("b")).isEqualTo("b1");
        assertThat(expected.get(1).<Object, Object>getMap(2)).isEmpty();
        assertThat(expected.get(2).<String, Long>getMap(2)).containsExactly(Map.entry("k2", 2L), new java.util.AbstractMap.SimpleEntry<>("z", null));
        assertThat(read.select("m", "id").where("id = 7").collectAsList().get(0).<String, Long>getMap(0))
                .containsExactly(Map.entry("k7", 7L), Map.entry("z", -7L));
        assertThat(read.where("id = 4").selectExpr("s.b", "deep.inner.m[id]", "structs[0].ys").collectAsList())
                .containsExactly(Row.of("b4", java.util.Arrays.asList("p", null), java.util.Arrays.asList(4L, null)));
    }

    @Test
    void sparkLayoutsMapToEmberTypes() {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message spark_schema {
                  optional group s { optional int32 a; required binary b (STRING); }
                  optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int64 value; } }
                  optional group legacy (MAP_KEY_VALUE) { repeated group map { required int32 key; required int32 value; } }
                }""");
        StructType ember = ParquetSchemas.toEmber(schema, "file");
        assertThat(ember.field(0).dataType()).isEqualTo(StructType.of(
                new dev.ember.sql.types.StructField("a", AtomicType.INT, true), new dev.ember.sql.types.StructField("b", AtomicType.STRING, false)));
        assertThat(ember.field(1).dataType()).isEqualTo(new MapType(AtomicType.STRING, AtomicType.LONG, true));
        assertThat(ember.field(2).dataType()).isEqualTo(new MapType(AtomicType.INT, AtomicType.INT, false));
        assertThat(ParquetSchemas.toParquet(new StructType(List.of(ember.field(0), ember.field(1)))).toString())
                .isEqualTo(MessageTypeParser.parseMessageType("""
                        message spark_schema {
                          optional group s { optional int32 a; required binary b (STRING); }
                          optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int64 value; } }
                        }""").toString());
    }
}
