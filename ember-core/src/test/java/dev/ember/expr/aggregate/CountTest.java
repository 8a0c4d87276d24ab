package dev.ember.expr.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.Literal;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import org.junit.jupiter.api.Test;

/** Counts rows that are not null, per group, whether a batch falls into one group or several. */
class CountTest {
    private static final boolean[] NULLS = {false, true, false, false, true};
    private static final IntVector VALUES = new IntVector(AtomicType.INT, 5, new int[5], NULLS);

    private static long[] counts(GroupedAccumulator accumulator, int groups) {
        return ((LongVector) accumulator.result(groups)).values();
    }

    @Test
    void batchesOfOneGroupAndOfSeveral() {
        GroupedAccumulator accumulator = new Count(Literal.of(1), false).newAccumulator();
        accumulator.update(new int[] {2, 2, 2, 2, 2}, 5, VALUES);
        assertThat(counts(accumulator, 3)).containsExactly(0, 0, 3);
        accumulator.update(new int[] {0, 2, 1, 0, 1}, 5, VALUES);
        assertThat(counts(accumulator, 3)).containsExactly(2, 1, 3);
        accumulator.update(new int[] {17, 17, 17, 17, 17}, 3, new IntVector(AtomicType.INT, 3, new int[3], null));
        assertThat(counts(accumulator, 18)[17]).isEqualTo(3);
        accumulator.update(new int[0], 0, VALUES);
        assertThat(counts(accumulator, 18)).containsExactly(2, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3);
    }
}
