package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.ColumnVector;
import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LiteralTest {
    @Test
    void repeatsEachKindOfValue() {
        assertThat(values(new Literal(1, AtomicType.INT).repeat(3))).containsExactly(1, 1, 1);
        assertThat(values(new Literal(7L, AtomicType.LONG).repeat(2))).containsExactly(7L, 7L);
        assertThat(values(new Literal("ab", AtomicType.STRING).repeat(3))).containsExactly("ab", "ab", "ab");
        assertThat(values(new Literal(new BigDecimal("1.5"), DecimalType.bounded(10, 2)).repeat(2)))
                .containsExactly(new BigDecimal("1.50"), new BigDecimal("1.50"));
        BigDecimal wide = new BigDecimal("12345678901234567890.5");
        assertThat(values(new Literal(wide, DecimalType.bounded(30, 1)).repeat(2))).containsExactly(wide, wide);
    }

    @Test
    void repeatsNullAndNothing() {
        ColumnVector nulls = new Literal(null, AtomicType.INT).repeat(3);
        assertThat(values(nulls)).containsExactly(null, null, null);
        assertThat(new Literal(1, AtomicType.INT).repeat(0).size()).isZero();
    }

    private static Object[] values(ColumnVector vector) {
        return IntStream.range(0, vector.size()).mapToObj(vector::getObject).toArray();
    }
}
