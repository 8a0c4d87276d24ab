package dev.ember.plan.command;

import static java.util.Objects.requireNonNull;

import dev.ember.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name [(columns)] [USING format] [OPTIONS (...)]
 * [PARTITIONED BY (columns)] [LOCATION 'path'] [AS query]}: a table of the catalog, managed (data
 * in the warehouse) unless it has a location.
 */
public final class CreateTable extends Command {
    private final String name;
    private final boolean ifNotExists;
    private final String schemaDdl;
    private final String format;
    private final Map<String, String> options;
    private final List<String> partitionColumns;
    private final String location;
    private final LogicalPlan query;

    /** {@code schemaDdl}, {@code format}, {@code location} and {@code query} may be {@code null}: not given. */
    public CreateTable(String name, boolean ifNotExists, String schemaDdl, String format, Map<String, String> options,
            List<String> partitionColumns, String location, LogicalPlan query) {
        this.name = requireNonNull(name, "name is null");
        this.ifNotExists = ifNotExists;
        this.schemaDdl = schemaDdl;
        this.format = format;
        this.options = Map.copyOf(options);
        this.partitionColumns = List.copyOf(partitionColumns);
        this.location = location;
        this.query = query;
    }

    public String name() {
        return name;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    public String schemaDdl() {
        return schemaDdl;
    }

    public String format() {
        return format;
    }

    public Map<String, String> options() {
        return options;
    }

    public List<String> partitionColumns() {
        return partitionColumns;
    }

    public String location() {
        return location;
    }

    public LogicalPlan query() {
        return query;
    }

    @Override
    public String nodeString() {
        return "CreateTable " + name + (format == null ? "" : " USING " + format) + (query == null ? "" : " AS query");
    }
}
