package dev.ember.accumulator;

/** Sums doubles and counts them, as Spark's {@code DoubleAccumulator}. */
public final class DoubleAccumulator extends AccumulatorV2<Double, Double> {
    private static final long serialVersionUID = 1L;

    private double sum;
    private long count;

    @Override
    public boolean isZero() {
        return sum == 0 && count == 0;
    }

    @Override
    public DoubleAccumulator copy() {
        DoubleAccumulator copy = new DoubleAccumulator();
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
    public void add(Double value) {
        add(value.doubleValue());
    }

    public void add(double value) {
        sum += value;
        count++;
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    /** The mean of the values added; NaN when none were. */
    public double avg() {
        return sum / count;
    }

    @Override
    public void merge(AccumulatorV2<Double, Double> other) {
        if (!(other instanceof DoubleAccumulator o)) {
            throw new UnsupportedOperationException("Cannot merge " + getClass().getName() + " with " + other.getClass().getName());
        }
        sum += o.sum;
        count += o.count;
    }

    @Override
    public Double value() {
        return sum;
    }
}
