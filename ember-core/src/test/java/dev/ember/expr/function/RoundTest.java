package dev.ember.expr.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class RoundTest {
    @Test
    void decimalResultKeepsOrReducesTheScaleWithOneMoreIntegralDigit() {
        assertThat(Round.resultType(new DecimalType(6, 5), 2)).isEqualTo(new DecimalType(4, 2));
        assertThat(Round.resultType(new DecimalType(2, 1), 0)).isEqualTo(new DecimalType(2, 0));
        assertThat(Round.resultType(new DecimalType(4, 2), 5)).isEqualTo(new DecimalType(5, 2));
        assertThat(Round.resultType(new DecimalType(5, 1), -2)).isEqualTo(new DecimalType(5, 0));
        assertThat(Round.resultType(new DecimalType(6, 3), -5)).isEqualTo(new DecimalType(6, 0));
        assertThat(Round.resultType(new DecimalType(38, 0), 0)).isEqualTo(new DecimalType(38, 0));
    }

    @Test
    void roundsIntegersToTensWithTheMode() {
        IntVector values = new IntVector(AtomicType.INT, 4, new int[] {15, 25, -15, 0}, null);
        assertThat(values(round(RoundingMode.HALF_UP, values, -1))).containsExactly(20, 30, -20, 0);
        assertThat(values(round(RoundingMode.HALF_EVEN, values, -1))).containsExactly(20, 20, -20, 0);
    }

    @Test
    void integerOverflowIsAnErrorExceptOnNullRows() {
        IntVector overflowing = new IntVector(AtomicType.INT, 1, new int[] {Integer.MAX_VALUE}, null);
        assertThatThrownBy(() -> round(RoundingMode.HALF_UP, overflowing, -1))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.ARITHMETIC_OVERFLOW));
        IntVector nullRow = new IntVector(AtomicType.INT, 2, new int[] {Integer.MAX_VALUE, 4}, new boolean[] {true, false});
        assertThat(values(round(RoundingMode.HALF_UP, nullRow, -1))).containsExactly(null, 0);
    }

    @Test
    void doublesRoundTheirShortestDecimalText() {
        DoubleVector values = new DoubleVector(4, new double[] {2.675, -0.5, Double.NaN, 1.25}, null);
        assertThat(values(round(RoundingMode.HALF_UP, values, 2))).containsExactly(2.68, -0.5, Double.NaN, 1.25);
        assertThat(values(round(RoundingMode.HALF_EVEN, values, 1))).containsExactly(2.7, -0.5, Double.NaN, 1.2);
    }

    private static ColumnVector round(RoundingMode mode, ColumnVector values, int scale) {
        Round round = new Round("round", mode, new BoundReference(0, values.type(), true, "x"), Literal.of(scale));
        return round.eval(Batch.of(values));
    }

    private static Object[] values(ColumnVector vector) {
        Object[] values = new Object[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.getObject(i);
        }
        return values;
    }
}
