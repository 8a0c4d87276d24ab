package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import java.util.List;

/** {@code LIMIT n [OFFSET m]}: the first {@code n} rows after skipping {@code offset}. */
public final class Limit extends UnaryNode {
    private final int limit;
    private final int offset;

    public Limit(int limit, int offset, LogicalPlan child) {
        super(child);
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative: " + limit + ", " + offset);
        }
        this.limit = limit;
        this.offset = offset;
    }

    public Limit(int limit, LogicalPlan child) {
        this(limit, 0, child);
    }

    public int limit() {
        return limit;
    }

    public int offset() {
        return offset;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Limit(limit, offset, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<dev.ember.expr.Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(java.util.function.UnaryOperator<dev.ember.expr.Expression> f) {
        return this;
    }

    @Override
    public String nodeString() {
        return "Limit " + limit + (offset > 0 ? " OFFSET " + offset : "");
    }
}
