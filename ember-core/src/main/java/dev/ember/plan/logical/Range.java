package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.sql.types.AtomicType;
import java.util.List;

/** {@code range(start, end, step, numPartitions)}: one bigint column {@code id}. */
public final class Range extends LeafNode {
    private final long start;
    private final long end;
    private final long step;
    private final int numPartitions;
    private final AttributeReference id;

    public Range(long start, long end, long step, int numPartitions, AttributeReference id) {
        if (step == 0) {
            throw new IllegalArgumentException("range step must not be 0");
        }
        this.start = start;
        this.end = end;
        this.step = step;
        this.numPartitions = numPartitions;
        this.id = id;
    }

    public Range(long start, long end, long step, int numPartitions) {
        this(start, end, step, numPartitions, AttributeReference.create("id", AtomicType.LONG, false));
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long step() {
        return step;
    }

    /** The partitions asked for, or 0 for the default parallelism. */
    public int numPartitions() {
        return numPartitions;
    }

    /** How many values the range yields. */
    public long count() {
        if ((step > 0 && start >= end) || (step < 0 && start <= end)) {
            return 0;
        }
        return (long) Math.ceil(((double) end - start) / step);
    }

    @Override
    public List<AttributeReference> output() {
        return List.of(id);
    }

    @Override
    public String nodeString() {
        return "Range (" + start + ", " + end + ", step=" + step + ", splits=" + numPartitions + ")";
    }
}
