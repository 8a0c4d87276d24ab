package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;

/** {@code CREATE [OR REPLACE] TEMPORARY VIEW name AS query}. */
public final class CreateView extends Command {
    private final String name;
    private final LogicalPlan query;
    private final boolean replace;

    public CreateView(String name, LogicalPlan query, boolean replace) {
        this.name = requireNonNull(name, "name is null");
        this.query = requireNonNull(query, "query is null");
        this.replace = replace;
    }

    public String name() {
        return name;
    }

    public LogicalPlan query() {
        return query;
    }

    public boolean replace() {
        return replace;
    }

    @Override
    public String nodeString() {
        return "CreateView " + name + (replace ? ", replace" : "");
    }
}
