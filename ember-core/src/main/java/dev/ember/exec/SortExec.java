package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.SortOrder;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import java.util.List;

/**
 * Sorts each partition (a global sort runs after an exchange into one partition); with a
 * {@code limit} it keeps only the first rows (top-N). Ties keep input order (the sort is stable).
 * Larger inputs than the task's memory are sorted in spilled runs and merged ({@link ExternalSorter}).
 */
public final class SortExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final List<SortOrder> order;
    private final int limit;

    /** {@code limit} is the number of rows to keep, or -1 for all. */
    public SortExec(List<SortOrder> order, int limit, PhysicalPlan child) {
        super(child);
        this.order = order.stream().map(o -> (SortOrder) bind(o, child.output())).toList();
        this.limit = limit;
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
        List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
        ExternalSorter sorter = new ExternalSorter(context.memory(), order, types, limit);
        context.addCompletionListener(sorter);
        return new Operator() {
            private boolean sorted;

            @Override
            public Batch next() {
                if (!sorted) {
                    for (Batch batch = input.next(); batch != null; batch = input.next()) {
                        sorter.add(batch);
                    }
                    sorted = true;
                }
                return sorter.next();
            }

            @Override
            public void close() {
                sorter.close();
                input.close();
            }
        };
    }

    @Override
    public String nodeString() {
        return "Sort " + order + (limit >= 0 ? ", limit " + limit : "");
    }
}
