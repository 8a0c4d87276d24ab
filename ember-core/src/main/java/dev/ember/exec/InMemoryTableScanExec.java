package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import java.util.Iterator;
import java.util.List;

/** Reads the partitions a persisted plan computed, kept as cached blocks of the shuffle store (in memory by reference, or streamed from disk). */
public final class InMemoryTableScanExec extends LeafExec {
    private static final long serialVersionUID = 1L;

    private final int cacheId;
    private final int partitions;

    public InMemoryTableScanExec(List<AttributeReference> output, int cacheId, int partitions) {
        super(output);
        this.cacheId = cacheId;
        this.partitions = partitions;
    }

    @Override
    public int partitionCount() {
        return Math.max(1, partitions);
    }

    @Override
    protected Operator doOpen(TaskContext context, int partition) {
        Iterator<Batch> batches = context.shuffles().read(cacheId, 0, 1, partition, partition + 1);
        return () -> batches.hasNext() ? batches.next() : null;
    }

    @Override
    public String nodeString() {
        return "InMemoryTableScan " + output().stream().map(AttributeReference::debugString).toList();
    }
}
