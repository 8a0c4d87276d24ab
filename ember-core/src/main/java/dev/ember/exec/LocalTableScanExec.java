package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.List;

/** Rows held in the plan itself, split evenly over the partitions. */
public final class LocalTableScanExec extends LeafExec {
    private static final long serialVersionUID = 1L;

    private final List<List<Object>> rows;
    private final int partitions;

    public LocalTableScanExec(List<AttributeReference> output, List<List<Object>> rows, int partitions) {
        super(output);
        this.rows = new ArrayList<>(rows);
        this.partitions = Math.max(1, Math.min(partitions, rows.size()));
    }



    @Override
    public int partitionCount() {
        return partitions;
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        int from = (int) ((long) rows.size() * partition / partitions);
        int to = (int) ((long) rows.size() * (partition + 1) / partitions);
        return new Operator() {
            private int next = from;

            @Override
            public Batch next() {
                if (next >= to) {
                    return null;
                }
                int end = Math.min(to, next + Batch.TARGET_ROWS);
                List<ColumnVector> columns = new ArrayList<>();
                for (int c = 0; c < output().size(); c++) {
                    VectorBuilder builder = VectorBuilder.create(output().get(c).dataType(), end - next);
                    for (int r = next; r < end; r++) {
                        builder.appendObject(rows.get(r).get(c));
                    }
                    columns.add(builder.build());
                }
                Batch batch = new Batch(columns, end - next);
                next = end;
                return batch;
            }
        };
    }

    @Override
    public String nodeString() {
        return "LocalTableScan " + output().stream().map(AttributeReference::debugString).toList() + ", " + rows.size() + " rows";
    }
}
