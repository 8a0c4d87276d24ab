package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names and argument order of the scalar functions, through SQL and the DataFrame API. */
class ScalarFunctionsTest {
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
    void columnNamesShowTheCallAsWrittenWithoutImplicitCasts() {
        DataFrame result = ember.sql("SELECT upper(lpad(1, 3, 0)), nvl(NULL, 1 + 2L), round(2.5), 1 <> 2, 2 BETWEEN 1 AND 3");
        assertThat(result.columns())
                .containsExactly("upper(lpad(1, 3, 0))", "nvl(NULL, (1 + 2))", "round(2.5, 0)", "(NOT (1 = 2))", "between(2, 1, 3)");
        assertThat(result.collectAsList()).containsExactly(Row.of("001", 3L, new java.math.BigDecimal("3"), true, true));
    }

    @Test
    void apiTrimsTakeTheCharactersSecond() {
        DataFrame words = ember.sql("SELECT 'xxaxx' AS w");
        Row row = words.select(functions.trim(col("w"), "x"), functions.ltrim(col("w"), "x"), functions.rtrim(col("w"), "x"),
                functions.locate("a", col("w")), functions.lpad(col("w"), 7, "-"), functions.round(lit(2.345), 2)).first();
        assertThat(row).isEqualTo(Row.of("a", "axx", "xxa", 3, "--xxaxx", 2.35));
    }
}
