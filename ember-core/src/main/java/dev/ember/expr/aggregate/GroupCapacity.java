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

    /** The OR of {@code groupIds[0, rowCount)}, for {@link #holding}. */
    static int idBits(int[] groupIds, int rowCount) {
        int bits = 0;
        for (int i = 0; i < rowCount; i++) {
            bits |= groupIds[i];
        }
        return bits;
    }

    /** {@code capacity} (a power of two) when it holds ids whose OR is {@code idBits}, else a power of two at least twice as large that does. */
    static int holding(int idBits, int capacity) {
        return idBits < capacity ? capacity : Math.max(Integer.highestOneBit(idBits) << 1, capacity << 1);
    }

    /** {@link #holding} for the ids {@code groupIds[0, rowCount)}. */
    static int holding(int[] groupIds, int rowCount, int capacity) {
        return holding(idBits(groupIds, rowCount), capacity);
    }
}
