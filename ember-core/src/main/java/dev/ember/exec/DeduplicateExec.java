package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the first row of each key within a partition. Run before an exchange by the keys it
 * shrinks the data; after it, every key is in one partition and the result has one row per key.
 */
public final class DeduplicateExec extends UnaryExec {
    private static final long serialVersionUID = 1L;

    private final List<Expression> keys;

    public DeduplicateExec(List<? extends Expression> keys, PhysicalPlan child) {
        super(child);
        this.keys = bindAll(keys, child.output());
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Operator open(TaskContext context, int partition) {
        Operator input = child.open(context, partition);
        KeyTable seen = new KeyTable(keys.stream().map(Expression::dataType).toList());
        return new Operator() {
            @Override
            public Batch next() {
                for (Batch batch = input.next(); batch != null; batch = input.next()) {
                    ColumnVector[] keyColumns = new ColumnVector[keys.size()];
                    for (int k = 0; k < keyColumns.length; k++) {
                        keyColumns[k] = keys.get(k).eval(batch);
                    }
                    int firstNew = seen.size();
                    int[] ids = seen.findOrInsert(keyColumns, batch.rowCount());
                    // New keys get consecutive ids in order of first appearance: the row with the next new id is a first.
                    int[] firsts = new int[batch.rowCount()];
                    int count = 0;
                    for (int i = 0; i < ids.length; i++) {
                        if (ids[i] == firstNew + count) {
                            firsts[count++] = i;
                        }
                    }
                    if (count > 0) {
                        return count == batch.rowCount() ? batch : batch.gather(firsts, count);
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
        return "Deduplicate " + keys.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
