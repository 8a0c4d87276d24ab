package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.vector.Batch;
import java.util.List;

/** The computed result of a persisted plan, standing in for that plan: its batches, partition by partition. */
public final class CachedRelation extends LeafNode {
    private final List<AttributeReference> output;
    private final List<List<Batch>> partitions;

    public CachedRelation(List<AttributeReference> output, List<List<Batch>> partitions) {
        this.output = List.copyOf(output);
        this.partitions = partitions.stream().map(List::copyOf).toList();
    }

    public List<List<Batch>> partitions() {
        return partitions;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "InMemoryRelation " + output.stream().map(AttributeReference::debugString).toList() + ", " + partitions.size() + " partitions";
    }
}
