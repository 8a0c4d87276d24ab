package dev.ember.vector;

import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;

/**
 * {@code decimal(p, s)} values, each already at scale {@code s}.
 *
 * <p>Held as {@link BigDecimal} for now: exact and simple. A compact layout (unscaled longs for
 * precision up to 18, two longs beyond) is the planned speed-up for decimal-heavy queries.
 */
public final class DecimalVector extends ColumnVector {
    private final BigDecimal[] values;

    public DecimalVector(DecimalType type, int size, BigDecimal[] values, boolean[] nulls) {
        super(type, size, nulls);
        this.values = values;
    }

    public BigDecimal get(int position) {
        return values[position];
    }

    public DecimalType decimalType() {
        return (DecimalType) type;
    }

    @Override
    public Object getObject(int position) {
        return isNull(position) ? null : values[position];
    }

    @Override
    public ColumnVector gather(int[] positions, int count) {
        BigDecimal[] result = new BigDecimal[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new DecimalVector(decimalType(), count, result, gatherNulls(positions, count));
    }

    @Override
    public boolean equalsAt(int position, ColumnVector other, int otherPosition) {
        return values[position].compareTo(((DecimalVector) other).values[otherPosition]) == 0;
    }

    @Override
    public int compareAt(int position, ColumnVector other, int otherPosition) {
        return values[position].compareTo(((DecimalVector) other).values[otherPosition]);
    }

    @Override
    public void hashInto(int[] hashes) {
        for (int i = 0; i < size; i++) {
            hashes[i] = mix(hashes[i], isNull(i) ? NULL_HASH : values[i].stripTrailingZeros().hashCode());
        }
    }

    @Override
    public long retainedBytes() {
        return 40L * values.length + (nulls == null ? 0 : nulls.length);
    }
}
