package dev.ember.expr.aggregate;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Decimals;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Per-group running sums in the result type of {@code sum}: bigint (overflow is an error under
 * ANSI), double, or decimal; a group that saw only NULLs has no sum. Shared by sum and avg.
 *
 * <p>A decimal sum adds unscaled longs; when a group's long would overflow (or a value is beyond a
 * long), the long moves into that group's {@link BigDecimal} carry and the long starts again, so
 * the sum stays exact. It is fitted to the sum type (ANSI's error when too large) at the end.
 */
final class Sums {
    private final DataType sumType;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private long[] unscaledSums = new long[0];
    private BigDecimal[] carries;
    private long[] counts = new long[0];
    /**
     * A bound on the magnitude of every group's unscaled long sum (the sum of the magnitudes added),
     * or {@link Long#MAX_VALUE} once it is unknown: while a batch cannot take it past a long, the
     * batch is added without an overflow check per value.
     */
    private long unscaledBound;

    Sums(DataType sumType) {
        this.sumType = sumType;
        resize(GroupCapacity.INITIAL);
    }

    /** The type {@code sum} returns for an input type, as Spark. */
    static DataType sumType(DataType input) {
        if (input.isIntegral()) {
            return AtomicType.LONG;
        }
        if (input instanceof DecimalType decimal) {
            return DecimalType.bounded(decimal.precision() + 10, decimal.scale());
        }
        return AtomicType.DOUBLE;
    }

    private void resize(int capacity) {
        counts = Arrays.copyOf(counts, capacity);
        if (sumType == AtomicType.LONG) {
            longs = Arrays.copyOf(longs, capacity);
        } else if (sumType == AtomicType.DOUBLE) {
            doubles = Arrays.copyOf(doubles, capacity);
        } else {
            unscaledSums = Arrays.copyOf(unscaledSums, capacity);
            carries = carries == null ? null : Arrays.copyOf(carries, capacity);
        }
    }

    /** Grows the arrays to hold every group named; the ids' bits, which tell the groups' spread. */
    private GroupCapacity.IdBits ensure(int[] groupIds, int rowCount) {
        GroupCapacity.IdBits ids = GroupCapacity.IdBits.of(groupIds, rowCount);
        int capacity = ids.capacity(counts.length);
        if (capacity > counts.length) {
            resize(capacity);
        }
        return ids;
    }

    /** Adds each non-null value to its group; {@code weights} (may be null) are counts to add instead of 1. */
    void add(int[] groupIds, int rowCount, ColumnVector input, long[] weights) {
        GroupCapacity.IdBits ids = ensure(groupIds, rowCount);
        if (input instanceof DecimalVector decimals) {
            addDecimals(groupIds, rowCount, decimals, weights, ids);
            return;
        }
        for (int i = 0; i < rowCount; i++) {
            if (input.isNull(i)) {
                continue;
            }
            int group = groupIds[i];
            counts[group] += weights == null ? 1 : weights[i];
            if (sumType == AtomicType.LONG) {
                long value = input instanceof IntVector ints ? ints.get(i) : ((LongVector) input).get(i);
                try {
                    longs[group] = Math.addExact(longs[group], value);
                } catch (ArithmeticException e) {
                    throw EmberException.of(ErrorClass.ARITHMETIC_OVERFLOW, "message", "long overflow", "function", "add");
                }
            } else if (sumType == AtomicType.DOUBLE) {
                doubles[group] += input instanceof DoubleVector d ? d.get(i)
                        : input instanceof LongVector l ? l.get(i) : ((IntVector) input).get(i);
            }
        }
    }

    private void addDecimals(int[] groupIds, int rowCount, DecimalVector input, long[] weights, GroupCapacity.IdBits ids) {
        long[] values = input.unscaledValues();
        boolean sameScale = input.scale() == ((DecimalType) sumType).scale();
        if (sameScale && weights == null && !input.mayHaveNulls() && input.allLongs() && withinBound(input, rowCount)) {
            if (ids.onlyGroup() >= 0) {
                addToOneGroup(ids.onlyGroup(), rowCount, values);
            } else {
                for (int i = 0; i < rowCount; i++) {
                    int group = groupIds[i];
                    unscaledSums[group] += values[i];
                    counts[group]++;
                }
            }
            return;
        }
        unscaledBound = Long.MAX_VALUE;
        for (int i = 0; i < rowCount; i++) {
            if (input.isNull(i)) {
                continue;
            }
            int group = groupIds[i];
            counts[group] += weights == null ? 1 : weights[i];
            if (sameScale && input.isLong(i)) {
                long sum = unscaledSums[group] + values[i];
                // overflow exactly when both addends have the same sign and the sum has the other
                if (((unscaledSums[group] ^ sum) & (values[i] ^ sum)) < 0) {
                    carry(group, BigDecimal.valueOf(unscaledSums[group], input.scale()));
                    sum = values[i];
                }
                unscaledSums[group] = sum;
            } else {
                carry(group, input.get(i));
            }
        }
    }

    /** All rows in one group (no grouping keys, or a batch of one key): a sum in a register, not in the group's slot. */
    private void addToOneGroup(int group, int rowCount, long[] values) {
        long sum = 0;
        for (int i = 0; i < rowCount; i++) {
            sum += values[i];
        }
        unscaledSums[group] += sum;
        counts[group] += rowCount;
    }

    /** Whether adding these values keeps {@link #unscaledBound} within a long; it is raised by them if so. */
    private boolean withinBound(DecimalVector values, int rowCount) {
        try {
            long batchBound = Math.multiplyExact(values.magnitudeBound(), rowCount);
            unscaledBound = Math.addExact(unscaledBound, batchBound);
            return true;
        } catch (ArithmeticException mayOverflow) {
            return false;
        }
    }

    private void carry(int group, BigDecimal value) {
        if (carries == null) {
            carries = new BigDecimal[unscaledSums.length];
        }
        carries[group] = carries[group] == null ? value : carries[group].add(value);
    }

    /** Adds the counts of partial states (NULL sums have count 0 there). */
    void addCounts(int[] groupIds, int rowCount, long[] partialCounts) {
        ensure(groupIds, rowCount);
        for (int i = 0; i < rowCount; i++) {
            counts[groupIds[i]] += partialCounts[i];
        }
    }

    long count(int group) {
        return counts[group];
    }

    /** The sums of groups {@code [0, groupCount)}, NULL where a group saw no value. */
    ColumnVector sums(int groupCount) {
        boolean[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] == 0) {
                if (nulls == null) {
                    nulls = new boolean[groupCount];
                }
                nulls[g] = true;
            }
        }
        if (sumType == AtomicType.LONG) {
            return new LongVector(AtomicType.LONG, groupCount, Arrays.copyOf(longs, groupCount), nulls);
        }
        if (sumType == AtomicType.DOUBLE) {
            return new DoubleVector(groupCount, Arrays.copyOf(doubles, groupCount), nulls);
        }
        DecimalType type = (DecimalType) sumType;
        DecimalVector.Writer values = new DecimalVector.Writer(type, groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (carries == null || carries[g] == null) {
                try {
                    values.setUnscaled(g, Decimals.fit(unscaledSums[g], type.scale(), type));
                    continue;
                } catch (ArithmeticException beyondType) {
                    // the BigDecimal fit below raises the error
                }
            }
            values.set(g, Decimals.fit(decimalSum(g), type));
        }
        return values.build(groupCount, nulls);
    }

    private BigDecimal decimalSum(int group) {
        BigDecimal sum = BigDecimal.valueOf(unscaledSums[group], ((DecimalType) sumType).scale());
        return carries == null || carries[group] == null ? sum : carries[group].add(sum);
    }

    long retainedBytes() {
        return 8L * (counts.length + longs.length + doubles.length + unscaledSums.length) + (carries == null ? 0 : 48L * carries.length);
    }
}
