package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.catalog.TableMetadata;
import dev.ember.expr.AttributeReference;
import java.util.List;

/**
 * A table of the catalog, as a query names it. Its files are listed only when the query is
 * planned ({@code EmberSession} replaces it with a {@link FileRelation}), so that a query sees
 * what the statements before it inserted, as Spark's catalog tables do.
 */
public final class TableRelation extends LeafNode {
    private final TableMetadata table;
    private final List<AttributeReference> output;

    public TableRelation(TableMetadata table, List<AttributeReference> output) {
        this.table = requireNonNull(table, "table is null");
        this.output = List.copyOf(output);
    }

    public TableMetadata table() {
        return table;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "TableRelation " + table.name() + " " + output.stream().map(AttributeReference::debugString).toList();
    }
}
