package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRunnerTest {
    @Test
    void numbersOfEveryEngineTypeReadAlike() {
        // A decimal average (Spark, Ember), a double average (DuckDB), a HUGEINT sum (DuckDB) and a long sum.
        assertThat(QueryRunner.normalize(new BigDecimal("25.522005"))).isEqualTo(QueryRunner.normalize(25.522005d)).isEqualTo("25.52");
        assertThat(QueryRunner.normalize(BigInteger.valueOf(42))).isEqualTo(QueryRunner.normalize(42L)).isEqualTo("42.00");
        assertThat(QueryRunner.normalize(0.125d)).isEqualTo("0.13");
        assertThat(QueryRunner.normalize(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void datesAndTimestampsReadAlike() {
        assertThat(QueryRunner.normalize(Date.valueOf("1995-03-15"))).isEqualTo(QueryRunner.normalize(LocalDate.of(1995, 3, 15)));
        assertThat(QueryRunner.normalize(Timestamp.valueOf("2020-01-02 03:04:05")))
                .isEqualTo(QueryRunner.normalize(LocalDateTime.of(2020, 1, 2, 3, 4, 5)));
    }

    @Test
    void digestFollowsValuesAndOrder() {
        List<List<Object>> rows = List.of(List.of("a", 1L), List.of("b", 2L));
        assertThat(QueryRunner.digest(rows)).isEqualTo(QueryRunner.digest(List.of(List.of("a", new BigDecimal("1.00")), List.of("b", 2))));
        assertThat(QueryRunner.digest(rows)).isNotEqualTo(QueryRunner.digest(List.of(List.of("b", 2L), List.of("a", 1L))));
    }
}
