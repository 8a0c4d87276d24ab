package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.MapType;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structs and maps through SQL and the DataFrame API: names, types, access, errors. */
class NestedTypesTest {
    private static EmberSession ember;

    @BeforeAll
    static void start() {
        ember = EmberSession.builder().master("local[1]").getOrCreate();
    }

    @AfterAll
    static void stop() {
        ember.stop();
    }

    @Test
    void fieldAccessNamesTheColumnAfterTheField() {
        DataFrame frame = ember.sql("SELECT named_struct('a', 1, 'b', named_struct('c', 'x')) AS s");
        DataFrame fields = frame.select(col("s.a"), col("s.b.c"), col("s").getField("b"), frame.col("s.a").as("again"));
        assertThat(fields.columns()).containsExactly("a", "c", "s.b", "again");
        assertThat(fields.first()).isEqualTo(Row.of(1, "x", Row.of("x"), 1));
        assertThat(frame.selectExpr("s.*").columns()).containsExactly("a", "b");
        assertThat(frame.selectExpr("s.a + 1").columns()).containsExactly("(s.a + 1)");
    }

    @Test
    void mapsParseInDdlAndPrintTheirType() {
        DataFrame frame = ember.sql("SELECT CAST(map('k', 1) AS MAP<STRING, BIGINT>) AS m");
        assertThat(frame.schema().field(0).dataType()).isEqualTo(new MapType(AtomicType.STRING, AtomicType.LONG, true));
        assertThat(frame.schema().field(0).dataType().simpleString()).isEqualTo("map<string,bigint>");
        assertThat(frame.first().<String, Long>getMap(0)).isEqualTo(Map.of("k", 1L));
        assertThat(frame.selectExpr("CAST(m AS STRING)").first().getString(0)).isEqualTo("{k -> 1}");
        assertThat(frame.selectExpr("m['k']", "m['none']").first()).isEqualTo(Row.of(1L, null));
    }

    @Test
    void duplicateAndNullKeysFailAsInSpark() {
        assertThatThrownBy(() -> ember.sql("SELECT map('a', 1, 'a', 2)").collectAsList())
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DUPLICATED_MAP_KEY));
        assertThatThrownBy(() -> ember.sql("SELECT map(CAST(NULL AS STRING), 1)").collectAsList())
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NULL_MAP_KEY));
        assertThatThrownBy(() -> ember.sql("SELECT named_struct('a', 1) AS s").selectExpr("s.nope"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.FIELD_NOT_FOUND));
        assertThatThrownBy(() -> ember.sql("SELECT map(1, 2) AS m ORDER BY m"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DATATYPE_MISMATCH));
    }

    @Test
    void showRendersStructsAndMapsAsSpark() {
        DataFrame frame = ember.sql("SELECT named_struct('a', 1, 'b', CAST(NULL AS STRING)) AS s, map('k', array(1, 2)) AS m");
        assertThat(frame.showString(1, 20)).contains("|{1, NULL}|{k -> [1, 2]}|");
        assertThat(frame.schema().treeString()).contains(" |    |-- key: string\n |    |-- value: array (valueContainsNull = false)\n");
    }
}
