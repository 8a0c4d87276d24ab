package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bernoulli sampling: a row is kept when its draw in [0, 1) falls in [lower, upper). The draws of
 * partition p come from a generator seeded with (seed, p), one per input row in order, so the same
 * input gives the same draws whatever the bounds.
 */
public final class SampleExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final double lowerBound;
    private final double upperBound;
    private final long seed;

    public SampleExec(double lowerBound, double upperBound, long seed, PhysicalPlan child) {
        super(child);
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.seed = seed;
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        SplittableRandom random = new SplittableRandom(seed * 31 + partition);
        return new Operator() {
            @Override
            public Batch next() {
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    int n = batch.rowCount();
                    int[] kept = new int[n];
                    int count = 0;
                    for (int i = 0; i < n; i++) {
                        double draw = random.nextDouble();
                        if (draw >= lowerBound && draw < upperBound) {
                            kept[count++] = i;
                        }
                    }
                    if (count > 0) {
                        return count == n ? batch : batch.gather(kept, count);
                    }
                }
                return null;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Sample " + lowerBound + ", " + upperBound + ", seed " + seed;
    }
}
