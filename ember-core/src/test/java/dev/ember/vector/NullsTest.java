package dev.ember.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A masked vector is NULL where the mask or the vector is, and holds the vector's values elsewhere, whatever its layout. */
class NullsTest {
    private static final boolean[] MASK = {true, false, false, true};

    @Test
    void maskingKeepsTheValuesAndAddsTheMaskedNulls() {
        DecimalType decimal = new DecimalType(38, 2);
        List<ColumnVector> vectors = List.of(
                new LongVector(AtomicType.LONG, 4, new long[] {1, 2, 3, 4}, new boolean[] {false, true, false, false}),
                new IntVector(AtomicType.DATE, 4, new int[] {1, 2, 3, 4}, null),
                new DoubleVector(4, new double[] {1.5, 2.5, 3.5, 4.5}, null),
                new BooleanVector(4, new boolean[] {true, false, true, false}, null),
                new DecimalVector(decimal, 4, new BigDecimal[] {new BigDecimal("1.00"), new BigDecimal("1000000000000000000000000000000.00"), null, BigDecimal.ONE},
                        new boolean[] {false, false, true, false}),
                StringVector.of("a", "b", null, "d"),
                StringVector.dictionaryEncoded(AtomicType.STRING, 4, "xyz".getBytes(), new int[] {0, 1, 2, 3}, new int[] {2, 1, 0, 1}, null),
                new ArrayVector(new dev.ember.sql.types.ArrayType(AtomicType.LONG, true), 4, new int[] {0, 1, 2, 2, 3},
                        new LongVector(AtomicType.LONG, 3, new long[] {7, 8, 9}, null), null));
        for (ColumnVector vector : vectors) {
            ColumnVector masked = Nulls.masked(vector, MASK, 4);
            for (int i = 0; i < 4; i++) {
                Object expected = MASK[i] ? null : vector.getObject(i);
                assertThat(masked.getObject(i)).as("%s at %d", vector, i).isEqualTo(expected);
                assertThat(masked.isNull(i)).isEqualTo(MASK[i] || vector.isNull(i));
            }
            assertThat(vector.isNull(0)).as("the masked vector's own flags stay").isFalse();
        }
    }
}
