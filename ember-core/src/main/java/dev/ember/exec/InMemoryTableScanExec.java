package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import java.util.Iterator;
import java.util.List;

/** Reads the batches a persisted plan computed, partition by partition (local mode: held by reference). */
public final class InMemoryTableScanExec extends LeafExec {
    private static final long serialVersionUID = 1L;

    private final transient List<List<Batch>> partitions;

    public InMemoryTableScanExec(List<AttributeReference> output, List<List<Batch>> partitions) {
        super(output);
        this.partitions = partitions;
    }



    @Override
    public int partitionCount() {
        return Math.max(1, partitions.size());
    }

    @Override
    public Operator open(TaskContext context, int partition) {
        Iterator<Batch> batches = partition < partitions.size() ? partitions.get(partition).iterator() : List.<Batch>of().iterator();
        return () -> batches.hasNext() ? batches.next() : null;
    }

    @Override
    public String nodeString() {
        return "InMemoryTableScan " + output().stream().map(AttributeReference::debugString).toList();
    }
}
