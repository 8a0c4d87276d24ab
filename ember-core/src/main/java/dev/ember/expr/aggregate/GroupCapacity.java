package dev.ember.expr.aggregate;

/**
 * How many groups an accumulator's per-group arrays hold, powers of two, so that one pass ORing a
 * batch's group ids tells whether they fit: an id fits a power-of-two capacity exactly when the OR
 * of all ids does. Unlike a running maximum, the OR vectorizes; every accumulator checks every batch.
 */
final class GroupCapacity {
    /** The capacity accumulators start with. */
    static final int INITIAL = 16;

    private GroupCapacity() {
    }

    /** {@code capacity} (a power of two) when it holds the ids {@code groupIds[0, rowCount)}, else a larger one that does. */
    static int holding(int[] groupIds, int rowCount, int capacity) {
        return IdBits.of(groupIds, rowCount).capacity(capacity);
    }

    /** The OR ({@code any}) and the AND ({@code all}) of a batch's group ids. */
    record IdBits(int any, int all) {
        static IdBits of(int[] groupIds, int rowCount) {
            int any = 0;
            int all = -1;
            for (int i = 0; i < rowCount; i++) {
                any |= groupIds[i];
                all &= groupIds[i];
            }
            return new IdBits(any, all);
        }

        /** {@code current} (a power of two) when it holds these ids, else a power of two at least twice as large that does. */
        int capacity(int current) {
            return any < current ? current : Math.max(Math.multiplyExact(Integer.highestOneBit(any), 2), current << 1);
        }

        /** The one group every row is in (a bit set in some id is set in all), or -1: several groups, or no rows. */
        int onlyGroup() {
            return any == all ? any : -1;
        }
    }
}
