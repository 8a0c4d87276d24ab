package dev.ember.expr.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-group arrays grow exactly when some id is beyond them, judged by the OR of the ids. */
class GroupCapacityTest {
    @Test
    void aPowerOfTwoHoldsIdsExactlyWhenTheirOrDoes() {
        assertThat(GroupCapacity.holding(new int[] {0, 15, 7}, 3, 16)).isEqualTo(16);
        assertThat(GroupCapacity.holding(new int[] {0, 16, 7}, 3, 16)).isEqualTo(32);
        assertThat(GroupCapacity.holding(new int[] {5, 100, 3}, 3, 16)).isEqualTo(128);
        assertThat(GroupCapacity.holding(new int[] {0, 1000}, 1, 16)).as("only the rows given").isEqualTo(16);
        assertThat(GroupCapacity.holding(new int[0], 0, 16)).isEqualTo(16);
        for (int id = 0; id < 5000; id++) {
            int capacity = GroupCapacity.holding(new int[] {id, 3}, 2, 16);
            assertThat(capacity).isGreaterThan(id).isGreaterThanOrEqualTo(16);
            assertThat(Integer.bitCount(capacity)).isEqualTo(1);
        }
    }

    @Test
    void countsOfOneGroupAndOfManyAgree() {
        GroupedAccumulator count = new Count(new dev.ember.expr.BoundReference(0, dev.ember.sql.types.AtomicType.LONG, true, "x"), false)
                .newAccumulator();
        dev.ember.vector.LongVector values = new dev.ember.vector.LongVector(dev.ember.sql.types.AtomicType.LONG, 4, new long[4],
                new boolean[] {false, true, false, false});
        count.update(new int[] {6, 6, 6, 6}, 4, values);
        count.update(new int[] {6, 2, 7, 40}, 4, values);
        count.update(new int[] {3, 1, 2, 0}, 0, values);
        assertThat(((dev.ember.vector.LongVector) count.result(41)).values()).startsWith(0, 0, 0, 0, 0, 0, 4, 1);
        assertThat(count.result(41).getObject(40)).isEqualTo(1L);
        assertThat(count.result(41).getObject(2)).isEqualTo(0L);
    }
}
