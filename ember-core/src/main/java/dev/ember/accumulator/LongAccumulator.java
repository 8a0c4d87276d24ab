package dev.ember.accumulator;

/** Sums longs and counts them, as Spark's {@code LongAccumulator}. */
public final class LongAccumulator extends AccumulatorV2<Long, Long> {
    private static final long serialVersionUID = 1L;

    private long sum;
    private long count;

    @Override
    public boolean isZero() {
        return sum == 0 && count == 0;
    }

    @Override
    public LongAccumulator copy() {
        LongAccumulator copy = new LongAccumulator();
        copy.sum = sum;
        copy.count = count;
        return copy;
    }

    @Override
    public void reset() {
        sum = 0;
        count = 0;
    }

    @Override
    public void add(Long value) {
        add(value.longValue());
    }

    public void add(long value) {
        sum += value;
        count++;
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    /** The mean of the values added; NaN when none were. */
    public double avg() {
        return (double) sum / count;
    }

    @Override
    public void merge(AccumulatorV2<Long, Long> other) {
        if (!(other instanceof LongAccumulator o)) {
            throw new UnsupportedOperationException("Cannot merge " + getClass().getName() + " with " + other.getClass().getName());
        }
        sum += o.sum;
        count += o.count;
    }

    @Override
    public Long value() {
        return sum;
    }
}
