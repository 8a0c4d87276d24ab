package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.plan.logical.LogicalPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code INSERT INTO | OVERWRITE [TABLE] name [PARTITION (col = value, col, ...)] [(col, ...)] query}:
 * the query's rows added to or replacing the table's data. The query gives the listed columns, or
 * else the table's columns by position, less the partition columns given a static value; columns it
 * does not give are NULL.
 */
public final class InsertIntoTable extends Command {
    private final String name;
    private final boolean overwrite;
    private final Map<String, Expression> partition;
    private final List<String> columns;
    private final LogicalPlan query;

    /**
     * @param partition the PARTITION clause in order: a static value (a constant expression) per column, or
     *                  {@code null} for a column whose values come from the query; empty without the clause
     * @param columns   the column list, empty without one
     */
    public InsertIntoTable(String name, boolean overwrite, Map<String, Expression> partition, List<String> columns, LogicalPlan query) {
        this.name = requireNonNull(name, "name is null");
        this.overwrite = overwrite;
        this.partition = Collections.unmodifiableMap(new LinkedHashMap<>(partition));
        this.columns = List.copyOf(columns);
        this.query = requireNonNull(query, "query is null");
    }

    public String name() {
        return name;
    }

    public boolean overwrite() {
        return overwrite;
    }

    public Map<String, Expression> partition() {
        return partition;
    }

    public List<String> columns() {
        return columns;
    }

    public LogicalPlan query() {
        return query;
    }

    @Override
    public String nodeString() {
        return "InsertIntoTable " + name + (overwrite ? ", overwrite" : "") + (partition.isEmpty() ? "" : ", partition " + partition)
                + (columns.isEmpty() ? "" : ", columns " + columns);
    }
}
