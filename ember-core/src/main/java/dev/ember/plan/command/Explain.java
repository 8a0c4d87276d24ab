package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;

/**
 * {@code EXPLAIN [EXTENDED | FORMATTED | COST | ANALYZE] query}; COST shows the optimized plan with each node's
 * estimated rows; ANALYZE (Ember's) runs it and shows each node's metrics.
 */
public final class Explain extends Command {
    public enum Mode { SIMPLE, EXTENDED, FORMATTED, COST, ANALYZE }

    private final LogicalPlan query;
    private final Mode mode;

    public Explain(LogicalPlan query, Mode mode) {
        this.query = requireNonNull(query, "query is null");
        this.mode = requireNonNull(mode, "mode is null");
    }

    public LogicalPlan query() {
        return query;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public String nodeString() {
        return "Explain " + mode;
    }
}
