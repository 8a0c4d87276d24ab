package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.vector.Batch;
import java.util.List;

/** Keeps the rows where the condition is true, chosen by {@link Expression#select} without a vector of its answers. */
public final class FilterExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final Expression condition;

    public FilterExec(Expression condition, PhysicalPlan child) {
        super(child);
        this.condition = bind(condition, child.output());
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<HashPartitioning> hashPartitionings() {
        return keptFrom(child);
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            @Override
            public Batch next() {
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    Batch kept = select(batch);
                    if (kept.rowCount() > 0) {
                        return kept;
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

    /** The rows of {@code batch} where the condition is true (not NULL). */
    private Batch select(Batch batch) {
        int n = batch.rowCount();
        int[] positions = new int[n];
        int count = condition.select(batch, positions);
        return count == n ? batch : batch.gather(positions, count);
    }

    @Override
    public String nodeString() {
        return "Filter " + condition;
    }
}
