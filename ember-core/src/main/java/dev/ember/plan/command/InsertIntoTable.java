package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;

/** {@code INSERT INTO | OVERWRITE [TABLE] name query}: the query's columns, by position, added to or replacing the table's data. */
public final class InsertIntoTable extends Command {
    private final String name;
    private final boolean overwrite;
    private final LogicalPlan query;

    public InsertIntoTable(String name, boolean overwrite, LogicalPlan query) {
        this.name = requireNonNull(name, "name is null");
        this.overwrite = overwrite;
        this.query = requireNonNull(query, "query is null");
    }

    public String name() {
        return name;
    }

    public boolean overwrite() {
        return overwrite;
    }

    public LogicalPlan query() {
        return query;
    }

    @Override
    public String nodeString() {
        return "InsertIntoTable " + name + (overwrite ? ", overwrite" : "");
    }
}
