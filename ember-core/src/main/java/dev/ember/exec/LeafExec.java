package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import java.util.List;

/** A physical node without children: a source of rows (files, a driver's rows, a range, an RDD). */
public abstract class LeafExec extends PhysicalPlan {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> output;

    protected LeafExec(List<AttributeReference> output) {
        this.output = List.copyOf(output);
    }

    @Override
    public final List<PhysicalPlan> children() {
        return List.of();
    }

    @Override
    public final List<AttributeReference> output() {
        return output;
    }
}
