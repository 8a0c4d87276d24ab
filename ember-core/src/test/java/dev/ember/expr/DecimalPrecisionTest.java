package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.analysis.TypeCoercion;
import dev.ember.expr.Arithmetic.Operator;
import dev.ember.expr.aggregate.Average;
import dev.ember.expr.aggregate.Sum;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Spark's decimal result types; every expected type below is what Spark 4 answers for the same operands. */
class DecimalPrecisionTest {
    @Test
    void exactResultsWithin38Digits() {
        assertThat(result(Operator.ADD, dec(4, 2), dec(1, 0))).isEqualTo(dec(5, 2));
        assertThat(result(Operator.MULTIPLY, dec(2, 1), dec(1, 0))).isEqualTo(dec(4, 1));
        assertThat(result(Operator.DIVIDE, dec(2, 1), dec(1, 0))).isEqualTo(dec(7, 6));
        assertThat(result(Operator.DIVIDE, dec(10, 2), dec(10, 2))).isEqualTo(dec(23, 13));
        assertThat(result(Operator.REMAINDER, dec(20, 2), dec(5, 4))).isEqualTo(dec(5, 4));
        assertThat(result(Operator.PMOD, dec(2, 1), dec(1, 0))).isEqualTo(dec(2, 1));
    }

    @Test
    void beyond38DigitsTheScaleGivesWayDownToSix() {
        assertThat(result(Operator.DIVIDE, dec(38, 0), dec(1, 0))).isEqualTo(dec(38, 6));
        assertThat(result(Operator.MULTIPLY, dec(38, 10), dec(38, 10))).isEqualTo(dec(38, 6));
        assertThat(result(Operator.ADD, dec(38, 30), dec(38, 30))).isEqualTo(dec(38, 29));
    }

    @Test
    void aScaleBelowSixIsKeptWhenCut() {
        // 77 digits with scale 4: the integral digits do not fit either way, the scale stays 4
        assertThat(DecimalType.adjusted(77, 4)).isEqualTo(dec(38, 4));
        assertThat(DecimalType.adjusted(38, 4)).isEqualTo(dec(38, 4));
    }

    @Test
    void boundedOnlyCapsPrecisionAndScale() {
        assertThat(DecimalType.bounded(48, 10)).isEqualTo(dec(38, 10));
        assertThat(DecimalType.bounded(42, 40)).isEqualTo(dec(38, 38));
        assertThat(DecimalType.bounded(15, 2)).isEqualTo(dec(15, 2));
    }

    @Test
    void sumAddsTenDigitsAndAverageFourDigitsOfScale() {
        Expression column = new BoundReference(0, dec(38, 10), true, "d");
        assertThat(new Sum(column, false).dataType()).isEqualTo(dec(38, 10));
        assertThat(new Average(column, false).dataType()).isEqualTo(dec(38, 14));
        Expression small = new BoundReference(0, dec(5, 2), true, "d");
        assertThat(new Sum(small, false).dataType()).isEqualTo(dec(15, 2));
        assertThat(new Average(small, false).dataType()).isEqualTo(dec(9, 6));
    }

    @Test
    void integerLiteralsTakeTheDigitsTheyHave() {
        assertThat(coerced(Operator.ADD, Literal.of(new BigDecimal("10.00")), Literal.of(1))).isEqualTo(dec(5, 2));
        assertThat(coerced(Operator.MULTIPLY, Literal.of(new BigDecimal("2.5")), Literal.of(2L))).isEqualTo(dec(4, 1));
        assertThat(coerced(Operator.MULTIPLY, new Literal(new BigDecimal("0.1"), dec(1, 1)), Literal.of(3))).isEqualTo(dec(3, 1));
        assertThat(coerced(Operator.ADD, new Literal((short) 1, AtomicType.SHORT), Literal.of(new BigDecimal("1.5"))))
                .isEqualTo(dec(3, 1));
    }

    @Test
    void tinyintLiteralsAndColumnsTakeTheirTypesDigits() {
        assertThat(coerced(Operator.ADD, new Literal((byte) 1, AtomicType.BYTE), Literal.of(new BigDecimal("1.5"))))
                .isEqualTo(dec(5, 1));
        Expression intColumn = new BoundReference(0, AtomicType.INT, true, "i");
        assertThat(coerced(Operator.MULTIPLY, intColumn, Literal.of(new BigDecimal("1.5")))).isEqualTo(dec(13, 1));
        Expression longColumn = new BoundReference(0, AtomicType.LONG, true, "l");
        assertThat(coerced(Operator.ADD, longColumn, Literal.of(new BigDecimal("1.5")))).isEqualTo(dec(22, 1));
    }

    @Test
    void integralDivisionAnswersABigint() {
        assertThat(coerced(Operator.INTEGRAL_DIVIDE, Literal.of(new BigDecimal("7.5")), Literal.of(2))).isEqualTo(AtomicType.LONG);
        assertThat(coerced(Operator.INTEGRAL_DIVIDE, Literal.of(7), Literal.of(2))).isEqualTo(AtomicType.LONG);
    }

    private static DecimalType dec(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    private static DecimalType result(Operator operator, DecimalType left, DecimalType right) {
        return Arithmetic.decimalResultType(operator, left, right);
    }

    private static DataType coerced(Operator operator, Expression left, Expression right) {
        return TypeCoercion.coerce(new Arithmetic(operator, left, right)).dataType();
    }
}
