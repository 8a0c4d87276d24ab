package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.rdd.Rdd;
import dev.ember.scheduler.ShuffleDependency;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The elements of an RDD as rows ({@code createDataFrame(rdd, ...)}): partition {@code p} of the
 * plan is partition {@code p} of the RDD, read inside the task and converted into batches. The
 * RDD's own shuffles are stage inputs of the query's stage.
 */
public final class RddScanExec extends LeafExec {
    private static final long serialVersionUID = 1L;

    /** The values of one element's row, in the output's order, as {@link dev.ember.sql.Row} holds them. */
    @FunctionalInterface
    public interface ToValues extends Serializable {
        Object[] values(Object element);
    }

    private final Rdd<?> rdd;
    private final ToValues toValues;

    public RddScanExec(List<AttributeReference> output, Rdd<?> rdd, ToValues toValues) {
        super(output);
        this.rdd = rdd;
        this.toValues = toValues;
    }

    /** The shuffles the RDD's partitions read, found when the job starts (an RDD cached since reads none). */
    public List<ShuffleDependency> stageInputs() {
        return rdd.stageInputs();
    }



    @Override
    public int partitionCount() {
        return rdd.getNumPartitions();
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Iterator<?> elements = rdd.iterator(partition, context);
        return () -> {
            if (!elements.hasNext()) {
                return null;
            }
            List<VectorBuilder> builders = new ArrayList<>(output().size());
            for (AttributeReference attribute : output()) {
                builders.add(VectorBuilder.create(attribute.dataType(), Batch.TARGET_ROWS));
            }
            int rows = 0;
            for (; rows < Batch.TARGET_ROWS && elements.hasNext(); rows++) {
                Object[] values = toValues.values(elements.next());
                for (int c = 0; c < values.length; c++) {
                    builders.get(c).appendObject(values[c]);
                }
            }
            List<ColumnVector> columns = new ArrayList<>(builders.size());
            builders.forEach(b -> columns.add(b.build()));
            return new Batch(columns, rows);
        };
    }

    @Override
    public String nodeString() {
        return "Scan ExistingRDD " + output().stream().map(AttributeReference::debugString).toList() + ", " + rdd;
    }
}
