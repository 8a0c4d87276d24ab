package dev.ember.exec;

import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;

/**
 * A set of integer keys (int, date, bigint, ...: one column in {@link IntVector}s or
 * {@link LongVector}s) as one bit per value from the least key to the greatest. A key filter
 * ({@link KeysIn}) asks it for the rows whose key it holds with a range test and one load per row,
 * exactly, where a {@link KeyTable} hashes every row, tests its bit filter and then probes the rows
 * that pass: TPC-H's keys are dense integers (part, orders), and Q04's lineitems, clustered by
 * their order, read the bitmap in order. Made only when the bits take about the memory a table of
 * the keys would, or little anyway ({@link #of}). Immutable, so the tasks of a process share it.
 */
final class KeyBitmap {
    /** Bits allowed per key: some 32 bytes, what a key's slots take in a {@link KeyTable} sized for it. */
    private static final long BITS_PER_KEY = 256;
    /** Bits allowed for any number of keys (128 KiB): a few keys over a wide range stay cheap. */
    private static final long MIN_BITS = 1L << 20;

    /** The least key: bit {@code k - least} stands for key {@code k}. */
    private final long least;
    /** The greatest key minus the least; -1 for no key at all. */
    private final long span;
    private final long[] bits;

    private KeyBitmap(long least, long span, long[] bits) {
        this.least = least;
        this.span = span;
        this.bits = bits;
    }

    /** Whether {@code keys} are held in a layout a bitmap reads. */
    static boolean reads(ColumnVector keys) {
        return keys instanceof IntVector || keys instanceof LongVector;
    }

    /** The bitmap of the non-NULL values of {@code keys} (a layout it {@link #reads}), or {@code null} when too large. */
    static KeyBitmap of(ColumnVector keys) {
        long[] values = values(keys);
        long least = Long.MAX_VALUE;
        long greatest = Long.MIN_VALUE;
        int count = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.isNull(i)) {
                least = Math.min(least, values[i]);
                greatest = Math.max(greatest, values[i]);
                count++;
            }
        }
        if (count == 0) {
            return new KeyBitmap(0, -1, new long[1]);
        }
        // A span past the limit, or one that overflows a long (negative), takes a table.
        long span = greatest - least;
        if (span < 0 || span >= Math.max(MIN_BITS, BITS_PER_KEY * count)) {
            return null;
        }
        long[] bits = new long[(int) (span >>> 6) + 1];
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.isNull(i)) {
                long offset = values[i] - least;
                bits[(int) (offset >>> 6)] |= 1L << offset;
            }
        }
        return new KeyBitmap(least, span, bits);
    }

    /**
     * The rows of {@code rows[0..count)} whose key in {@code keys} (read in place, of the layout the
     * bitmap was made of) is in the set, into {@code selected} (which may be {@code rows}); how many.
     * A NULL key is in no set.
     */
    int select(ColumnVector keys, int[] rows, int count, int[] selected) {
        int kept = keys instanceof IntVector ints ? select(ints.values(), rows, count, selected)
                : select(((LongVector) keys).values(), rows, count, selected);
        if (!keys.mayHaveNulls()) {
            return kept;
        }
        int nonNull = 0;
        for (int k = 0; k < kept; k++) {
            selected[nonNull] = selected[k];
            nonNull += keys.isNull(selected[k]) ? 0 : 1;
        }
        return nonNull;
    }

    private int select(int[] values, int[] rows, int count, int[] selected) {
        long least = this.least;
        long span = this.span;
        long[] bits = this.bits;
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            long offset = values[row] - least;
            // Keys fall mostly inside the range or mostly outside, so this branch is rarely mispredicted.
            if (offset >= 0 && offset <= span) {
                selected[kept] = row;
                kept += (int) (bits[(int) (offset >>> 6)] >>> offset) & 1;
            }
        }
        return kept;
    }

    /**
     * As for ints; a key's difference from the least wraps around only to a negative offset or one
     * past the span (the span is below 2^63), both outside.
     */
    private int select(long[] values, int[] rows, int count, int[] selected) {
        long least = this.least;
        long span = this.span;
        long[] bits = this.bits;
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            long offset = values[row] - least;
            if (offset >= 0 && offset <= span) {
                selected[kept] = row;
                kept += (int) (bits[(int) (offset >>> 6)] >>> offset) & 1;
            }
        }
        return kept;
    }

    private static long[] values(ColumnVector keys) {
        if (keys instanceof LongVector longs) {
            return longs.values();
        }
        int[] ints = ((IntVector) keys).values();
        long[] values = new long[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ints[i];
        }
        return values;
    }

    long retainedBytes() {
        return 8L * bits.length;
    }
}
