package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.SortOrder;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.PositionSort;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts each partition (a global sort runs after an exchange into one partition); with a
 * {@code limit} it keeps only the first rows (top-N). Ties keep input order (the sort is stable).
 */
public final class SortExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    /** With a limit, buffered rows are cut back to the best ones whenever they exceed this (or twice the limit). */
    private static final int COMPACT_ROWS = 1 << 16;

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
                int buffered = 0;
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    batches.add(batch);
                    buffered += batch.rowCount();
                    if (limit >= 0 && buffered > Math.max(2L * limit, COMPACT_ROWS)) {
                        // Top-N: only the best `limit` rows seen so far can be in the answer.
                        Batch best = sorted(batches, buffered);
                        batches = new ArrayList<>(List.of(best));
                        buffered = best.rowCount();
                    }
                }
                return buffered == 0 ? null : sorted(batches, buffered);
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    /** The rows of {@code batches} in order, the first {@code limit} of them when there is a limit. */
    private Batch sorted(List<Batch> batches, int total) {
        List<DataType> types = child.output().stream().map(AttributeReference::dataType).toList();
        Batch rows = Batch.concat(batches, types, total);
        ColumnVector[] keys = new ColumnVector[order.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = order.get(k).child().eval(rows);
        }
        int[] positions = new int[total];
        for (int i = 0; i < total; i++) {
            positions[i] = i;
        }
        PositionSort.sort(positions, total, (a, b) -> compare(keys, a, b));
        return rows.gather(positions, limit < 0 ? total : Math.min(limit, total));
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
