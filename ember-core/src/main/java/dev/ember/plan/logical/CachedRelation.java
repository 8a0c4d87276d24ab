package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import java.util.List;

/**
 * The computed result of a persisted plan, standing in for that plan: its partitions, kept as
 * cached blocks {@code cacheId} of the session's shuffle store (in memory or on disk).
 */
public final class CachedRelation extends LeafNode {
    private final List<AttributeReference> output;
    private final int cacheId;
    private final int partitions;

    public CachedRelation(List<AttributeReference> output, int cacheId, int partitions) {
        this.output = List.copyOf(output);
        this.cacheId = cacheId;
        this.partitions = partitions;
    }

    public int cacheId() {
        return cacheId;
    }

    public int partitions() {
        return partitions;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "InMemoryRelation " + output.stream().map(AttributeReference::debugString).toList() + ", " + partitions + " partitions";
    }
}
