package dev.ember.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.conformance.Outcome.Column;
import dev.ember.conformance.Outcome.Failure;
import dev.ember.conformance.Outcome.Result;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final List<Column> COLUMNS = List.of(new Column("k", "int"), new Column("v", "double"));

    @Test
    void matchesDoublesWithinRelativeToleranceAndNanWithNan() {
        assertThat(Values.matches(0.1 + 0.2, 0.3)).isTrue();
        assertThat(Values.matches(1e20, 1e20 * (1 + 1e-12))).isTrue();
        assertThat(Values.matches(1.0, 1.0 + 1e-6)).isFalse();
        assertThat(Values.matches(Double.NaN, Double.NaN)).isTrue();
        assertThat(Values.matches(Double.POSITIVE_INFINITY, Double.MAX_VALUE)).isFalse();
    }

    @Test
    void matchesDecimalsByValueButNeverAcrossTypes() {
        assertThat(Values.matches(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
        assertThat(Values.matches(1, 1L)).isFalse();
        assertThat(Values.matches(List.of(1, 2), List.of(1, 2))).isTrue();
        assertThat(Values.matches(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    }

    @Test
    void comparesUnorderedRowsAsMultisets() {
        Result spark = result(row(1, 1.0), row(2, null), row(1, 1.0));
        Result sameInOtherOrder = result(row(2, null), row(1, 1.0), row(1, 1.0 + 1e-12));
        Result oneDuplicateLess = result(row(2, null), row(1, 1.0));

        assertThat(Comparison.compare(spark, sameInOtherOrder, false)).isEmpty();
        assertThat(Comparison.compare(spark, sameInOtherOrder, true)).isPresent();
        assertThat(Comparison.compare(spark, oneDuplicateLess, false)).get().asString()
                .contains("only in Spark (1):\n      [1, 1.0D]");
    }

    @Test
    void reportsColumnDifferences() {
        Result spark = result(row(1, 1.0));
        Result ember = new Result(List.of(new Column("k", "bigint"), new Column("v", "double")), List.of(Arrays.asList(row(1, 1.0))));

        assertThat(Comparison.compare(spark, ember, false)).get().asString()
                .startsWith("columns differ").contains("k: int", "k: bigint");
    }

    @Test
    void failuresAgreeOnlyOnTheSameClassifiedErrorClass() {
        Failure divide = new Failure("DIVIDE_BY_ZERO", true, "");
        Failure unclassified = new Failure("java.lang.UnsupportedOperationException", false, "not yet");

        assertThat(Comparison.compare(divide, new Failure("DIVIDE_BY_ZERO", true, "other text"), false)).isEmpty();
        assertThat(Comparison.compare(divide, new Failure("ARITHMETIC_OVERFLOW", true, ""), false)).isPresent();
        assertThat(Comparison.compare(unclassified, unclassified, false)).isPresent();
        assertThat(Comparison.compare(divide, result(row(1, 1.0)), false)).get().asString()
                .startsWith("Spark failed with DIVIDE_BY_ZERO, Ember answered");
    }

    private static Result result(Object[]... rows) {
        return new Result(COLUMNS, Arrays.stream(rows).map(Arrays::asList).toList());
    }

    private static Object[] row(Object... values) {
        return values;
    }
}
