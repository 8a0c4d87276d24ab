package dev.ember.vector;

import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code decimal(p, s)} values as unscaled longs at scale {@code s}: the value at a position is
 * {@code unscaled[i] / 10^s}, with no object per value.
 *
 * <p>A type of precision up to {@link #MAX_LONG_DIGITS} holds every value in a long. Wider types
 * (sums, products) keep the long for each value that fits one, which in practice is nearly all of
 * them, and a {@link BigDecimal} in the side array {@code wide} for each value that does not: a
 * position's value lives in exactly one of the two, so equal values always have equal layouts.
 */
public final class DecimalVector extends ColumnVector {
    /** Every decimal of up to 18 digits fits an unscaled long. */
    public static final int MAX_LONG_DIGITS = 18;

    private final long[] unscaled;
    /** {@code null} when every value fits a long; else the values that do not, {@code null} elsewhere. */
    private final BigDecimal[] wide;
    /**
     * {@link #magnitudeBound()}: {@link #UNKNOWN} until computed (unless known from how the values were
     * made), {@link #NO_BOUND} when it is no long. Volatile, as a vector may be read by several threads.
     */
    private volatile long magnitudeBound;
    private static final long UNKNOWN = 0;
    private static final long NO_BOUND = -1;

    /** Values that all fit a long, unscaled at the type's scale. */
    public DecimalVector(DecimalType type, int size, long[] unscaled, boolean[] nulls) {
        this(type, size, unscaled, null, nulls);
    }

    /** Values that all fit a long, none of magnitude above {@code magnitudeBound} (positive), NULL positions included. */
    public DecimalVector(DecimalType type, int size, long[] unscaled, boolean[] nulls, long magnitudeBound) {
        this(type, size, unscaled, null, nulls);
        if (magnitudeBound <= 0) {
            throw new IllegalArgumentException("magnitude bound " + magnitudeBound);
        }
        this.magnitudeBound = magnitudeBound;
    }

    private DecimalVector(DecimalType type, int size, long[] unscaled, BigDecimal[] wide, boolean[] nulls) {
        super(type, size, nulls);
        this.unscaled = unscaled;
        this.wide = wide;
    }

    /** Values as {@link BigDecimal}s (nulls' entries may be anything, even {@code null}); for cold paths. */
    public DecimalVector(DecimalType type, int size, BigDecimal[] values, boolean[] nulls) {
        this(type, size, filled(type, size, values, nulls), nulls);
    }

    private DecimalVector(DecimalType type, int size, Writer filled, boolean[] nulls) {
        this(type, size, filled.unscaled, filled.wide, nulls);
    }

    private static Writer filled(DecimalType type, int size, BigDecimal[] values, boolean[] nulls) {
        Writer writer = new Writer(type, size);
        for (int i = 0; i < size; i++) {
            if (values[i] != null && (nulls == null || !nulls[i])) {
                writer.set(i, values[i]);
            }
        }
        return writer;
    }

    /** Values held by a builder: {@code wide} as described above, or {@code null}. */
    static DecimalVector of(DecimalType type, int size, long[] unscaled, BigDecimal[] wide, boolean[] nulls) {
        return new DecimalVector(type, size, unscaled, wide, nulls);
    }

    public DecimalType decimalType() {
        return (DecimalType) type;
    }

    public int scale() {
        return ((DecimalType) type).scale();
    }

    /** Whether every value fits a long, so that {@link #unscaledValues()} says all. */
    public boolean allLongs() {
        return wide == null;
    }

    /** Whether the value at {@code position} is the long {@link #unscaled(int)}. */
    public boolean isLong(int position) {
        return wide == null || wide[position] == null;
    }

    /** The unscaled value at a position where {@link #isLong} holds. */
    public long unscaled(int position) {
        return unscaled[position];
    }

    /** The unscaled longs (meaningful where {@link #isLong} holds); callers must not modify the array. */
    public long[] unscaledValues() {
        return unscaled;
    }

    /**
     * A positive bound on the magnitude of every unscaled long, NULL positions included: kernels check
     * a whole vector against overflow with it at once. Computed once a vector, unless the kernel that
     * made the values knew it already. ArithmeticException when some value is not a long or the
     * bound is none (a value beyond ±2^62).
     */
    public long magnitudeBound() {
        long bound = magnitudeBound;
        if (bound == UNKNOWN) {
            bound = wide == null ? powerOfTwoBound(unscaled, size) : NO_BOUND;
            magnitudeBound = bound;
        }
        if (bound == NO_BOUND) {
            throw new ArithmeticException("no bound on the magnitudes within a long");
        }
        return bound;
    }

    /** A power of two no smaller than the magnitude of any of {@code values[0, count)}, in one branch-free pass; NO_BOUND beyond 2^62. */
    private static long powerOfTwoBound(long[] values, int count) {
        long bits = 0;
        for (int i = 0; i < count; i++) {
            long value = values[i];
            bits |= value ^ (value >> 63); // the magnitude, less one for a negative value
        }
        int exponent = Long.SIZE - Long.numberOfLeadingZeros(bits);
        return exponent >= Long.SIZE - 1 ? NO_BOUND : 1L << exponent;
    }

    /** The value at a non-null position, at the type's scale. Allocates: for cold paths. */
    public BigDecimal get(int position) {
        return isLong(position) ? BigDecimal.valueOf(unscaled[position], scale()) : wide[position];
    }

    @Override
    public Object getObject(int position) {
        return isNull(position) ? null : get(position);
    }

    @Override
    ColumnVector withNulls(boolean[] nulls) {
        return new DecimalVector(decimalType(), size, unscaled, wide, nulls);
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = unscaled[positions[i]];
        }
        BigDecimal[] gatheredWide = null;
        if (wide != null) {
            gatheredWide = new BigDecimal[count];
            boolean any = false;
            for (int i = 0; i < count; i++) {
                gatheredWide[i] = wide[positions[i]];
                any |= gatheredWide[i] != null;
            }
            gatheredWide = any ? gatheredWide : null;
        }
        DecimalVector gathered = new DecimalVector(decimalType(), count, result, gatheredWide, gatherNulls(positions, count));
        gathered.magnitudeBound = magnitudeBound; // a subset's magnitudes are within any bound on the whole
        return gathered;
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        DecimalVector that = (DecimalVector) other;
        if (isLong(position) && that.isLong(otherPosition) && scale() == that.scale()) {
            return unscaled[position] == that.unscaled[otherPosition];
        }
        return get(position).compareTo(that.get(otherPosition)) == 0;
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        DecimalVector that = (DecimalVector) other;
        if (isLong(position) && that.isLong(otherPosition) && scale() == that.scale()) {
            return Long.compare(unscaled[position], that.unscaled[otherPosition]);
        }
        return get(position).compareTo(that.get(otherPosition));
    }

    /** Hashes the value whatever its scale (1.0 and 1.00 are equal keys): trailing zeros stripped. */
    @Override
    public void hashInto(int[] hashes) {
        int scale = scale();
        for (int i = 0; i < size; i++) {
            int hash;
            if (isNull(i)) {
                hash = NULL_HASH;
            } else if (isLong(i)) {
                hash = hashStripped(unscaled[i], scale);
            } else {
                BigDecimal stripped = wide[i].stripTrailingZeros();
                BigInteger digits = stripped.unscaledValue();
                hash = digits.bitLength() < 64 ? hashStripped(digits.longValue(), stripped.scale()) : stripped.hashCode();
            }
            hashes[i] = mix(hashes[i], hash);
        }
    }

    private static int hashStripped(long unscaled, int scale) {
        if (unscaled == 0) {
            return 0;
        }
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return Long.hashCode(unscaled) * 31 + scale;
    }

    @Override
    public long retainedBytes() {
        long wideBytes = 0;
        if (wide != null) {
            wideBytes = 8L * wide.length;
            for (BigDecimal value : wide) {
                wideBytes += value == null ? 0 : 40;
            }
        }
        return 8L * unscaled.length + wideBytes + (nulls == null ? 0 : nulls.length);
    }

    /**
     * Fills the values of a new vector by position: unscaled longs on hot paths, {@link BigDecimal}s
     * where a computation had to leave longs (stored as a long again when the result fits one).
     * Positions never set hold zero, which is what NULL positions hold.
     */
    public static final class Writer {
        private final DecimalType type;
        private final long[] unscaled;
        private BigDecimal[] wide;

        public Writer(DecimalType type, int size) {
            this.type = type;
            this.unscaled = new long[size];
        }

        public void setUnscaled(int position, long value) {
            unscaled[position] = value;
        }

        /** Sets a value at the type's scale (rounded half up to it, should it have more digits). */
        public void set(int position, BigDecimal value) {
            BigDecimal scaled = value.scale() == type.scale() ? value : value.setScale(type.scale(), RoundingMode.HALF_UP);
            BigInteger digits = scaled.unscaledValue();
            if (digits.bitLength() < 64) {
                unscaled[position] = digits.longValue();
                if (wide != null) {
                    wide[position] = null;
                }
            } else {
                if (wide == null) {
                    wide = new BigDecimal[unscaled.length];
                }
                wide[position] = scaled;
            }
        }

        public DecimalVector build(int size, boolean[] nulls) {
            return new DecimalVector(type, size, unscaled, wide, nulls);
        }
    }
}
