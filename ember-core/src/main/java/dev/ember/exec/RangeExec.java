package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.Batch;
import dev.ember.vector.LongVector;
import java.util.List;

/** {@code range(start, end, step)}: the values split evenly over the partitions, generated in batches. */
public final class RangeExec extends LeafExec {
    private static final long serialVersionUID = 1L;

    private final long start;
    private final long step;
    private final long count;
    private final int partitions;
    private final AttributeReference id;

    public RangeExec(long start, long step, long count, int partitions, AttributeReference id) {
        super(List.of(id));
        this.start = start;
        this.step = step;
        this.count = count;
        this.partitions = Math.max(1, partitions);
        this.id = id;
    }



    @Override
    public int partitionCount() {
        return partitions;
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        long from = count * partition / partitions;
        long to = count * (partition + 1) / partitions;
        return new Operator() {
            private long next = from;

            @Override
            public Batch next() {
                if (next >= to) {
                    return null;
                }
                int n = (int) Math.min(Batch.TARGET_ROWS, to - next);
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = start + (next + i) * step;
                }
                next += n;
                return Batch.of(new LongVector(AtomicType.LONG, n, values, null));
            }
        };
    }

    @Override
    public String nodeString() {
        return "Range (" + start + ", step=" + step + ", count=" + count + ", splits=" + partitions + ")";
    }
}
