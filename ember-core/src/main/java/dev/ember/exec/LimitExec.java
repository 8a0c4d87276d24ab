package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import java.util.List;

/** The first {@code limit} rows of each partition after skipping {@code offset}; global after an exchange into one partition. */
public final class LimitExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final int offset;

    public LimitExec(int limit, int offset, PhysicalPlan child) {
        super(child);
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            private long skipped;
            private long emitted;

            @Override
            public Batch next() {
                while (emitted < limit) {
                    Batch batch = input.next();
                    if (batch == null) {
                        return null;
                    }
                    int from = (int) Math.min(batch.rowCount(), offset - skipped);
                    skipped += from;
                    int count = (int) Math.min(batch.rowCount() - from, limit - emitted);
                    if (count > 0) {
                        emitted += count;
                        return batch.slice(from, count);
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
        return "Limit " + limit + (offset > 0 ? " offset " + offset : "");
    }
}
