package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.SortOrder;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts each partition (a global sort runs after an exchange into one partition); with a
 * {@code limit} it keeps only the first rows (top-N). Ties keep input order (the sort is stable).
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
    public Operator open(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        return new Operator() {
            private boolean done;

            @Override
            public Batch next() {
                if (done) {
                    return null;
                }
                done = true;
                List<Batch> batches = new ArrayList<>();
                int total = 0;
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    batches.add(batch);
                    total += batch.rowCount();
                }
                if (total == 0) {
                    return null;
                }
                List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
                Batch rows = Batch.concat(batches, types, total);
                ColumnVector[] keys = new ColumnVector[order.size()];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = order.get(k).child().eval(rows);
                }
                Integer[] positions = new Integer[total];
                for (int i = 0; i < total; i++) {
                    positions[i] = i;
                }
                java.util.Arrays.sort(positions, (a, b) -> compare(keys, a, b));
                int kept = limit < 0 ? total : Math.min(limit, total);
                int[] sorted = new int[kept];
                for (int i = 0; i < kept; i++) {
                    sorted[i] = positions[i];
                }
                return rows.gather(sorted, kept);
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    private int compare(ColumnVector[] keys, int a, int b) {
        for (int k = 0; k < keys.length; k++) {
            SortOrder key = order.get(k);
            ColumnVector column = keys[k];
            boolean aNull = column.isNull(a);
            boolean bNull = column.isNull(b);
            int result;
            if (aNull || bNull) {
                if (aNull == bNull) {
                    continue;
                }
                result = aNull == key.nullsFirst() ? -1 : 1;
                return result;
            }
            result = column.compareAt(a, column, b);
            if (result != 0) {
                return key.ascending() ? result : -result;
            }
        }
        return 0;
    }

    @Override
    public String nodeString() {
        return "Sort " + order + (limit >= 0 ? ", limit " + limit : "");
    }
}
