package dev.ember.vector;

/** The offsets of variable-length values (arrays, maps) into a vector of their entries. */
final class EntryOffsets {
    /** The entry positions of the gathered values, in order, and their offsets among those entries. */
    record Gathered(int[] entries, int[] offsets) {
    }

    private EntryOffsets() {
    }

    /** What {@link ColumnVector#gather} needs for the values at {@code positions[0, count)}. */
    static Gathered gather(int[] offsets, int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += offsets[positions[i] + 1] - offsets[positions[i]];
        }
        int[] entries = new int[total];
        int[] resultOffsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            for (int e = offsets[positions[i]]; e < offsets[positions[i] + 1]; e++) {
                entries[at++] = e;
            }
            resultOffsets[i + 1] = at;
        }
        return new Gathered(entries, resultOffsets);
    }
}
