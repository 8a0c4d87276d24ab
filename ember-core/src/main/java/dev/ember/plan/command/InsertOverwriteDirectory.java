package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;
import java.util.Map;

/** {@code INSERT OVERWRITE [LOCAL] DIRECTORY ['path'] USING format [OPTIONS (...)] query}: the directory replaced by the query's rows. */
public final class InsertOverwriteDirectory extends Command {
    private final String path;
    private final String format;
    private final Map<String, String> options;
    private final LogicalPlan query;

    /** {@code path} is {@code null} when the OPTIONS give it. */
    public InsertOverwriteDirectory(String path, String format, Map<String, String> options, LogicalPlan query) {
        this.path = path;
        this.format = requireNonNull(format, "format is null");
        this.options = Map.copyOf(options);
        this.query = requireNonNull(query, "query is null");
    }

    public String path() {
        return path;
    }

    public String format() {
        return format;
    }

    public Map<String, String> options() {
        return options;
    }

    public LogicalPlan query() {
        return query;
    }

    @Override
    public String nodeString() {
        return "InsertOverwriteDirectory " + path + " USING " + format;
    }
}
