package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;

/** {@code DESCRIBE [TABLE] name} or {@code DESCRIBE QUERY select}: the columns with their types. */
public final class Describe extends Command {
    private final LogicalPlan target;

    /** {@code target} is an {@link dev.ember.plan.logical.UnresolvedRelation} for a table, or any query. */
    public Describe(LogicalPlan target) {
        this.target = requireNonNull(target, "target is null");
    }

    public LogicalPlan target() {
        return target;
    }

    @Override
    public String nodeString() {
        return "Describe";
    }
}
