package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import java.util.List;

/** Fewer partitions without a shuffle: output partition i reads a contiguous range of the child's partitions. */
public final class CoalesceExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final int partitions;

    public CoalesceExec(int partitions, PhysicalPlan child) {
        super(child);
        this.partitions = Math.max(1, Math.min(partitions, child.partitionCount()));
    }

    @Override
    public int partitionCount() {
        return partitions;
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        int childCount = child.partitionCount();
        int from = (int) ((long) childCount * partition / partitions);
        int to = (int) ((long) childCount * (partition + 1) / partitions);
        return new Operator() {
            private int next = from;
            private Operator current;

            @Override
            public Batch next() {
                while (true) {
                    if (current == null) {
                        if (next >= to) {
                            return null;
                        }
                        current = child.open(context, next++);
                    }
                    Batch batch = current.next();
                    if (batch != null) {
                        return batch;
                    }
                    current.close();
                    current = null;
                }
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                }
            }
        };
    }

    @Override
    public String nodeString() {
        return "Coalesce " + partitions;
    }
}
