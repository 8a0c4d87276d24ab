package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import java.util.List;

/** Rows held in memory by the driver: {@code createDataFrame}, {@code VALUES}. Values are the Java objects of {@link dev.ember.sql.Row}. */
public final class LocalRelation extends LeafNode {
    private final List<AttributeReference> output;
    private final List<List<Object>> rows;

    public LocalRelation(List<AttributeReference> output, List<List<Object>> rows) {
        this.output = List.copyOf(output);
        this.rows = List.copyOf(rows);
        for (List<Object> row : this.rows) {
            if (row.size() != this.output.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " values for " + this.output.size() + " columns");
            }
        }
    }

    /** The rows; a row may hold nulls, so it is not an immutable {@code List.of} list. */
    public List<List<Object>> rows() {
        return rows;
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public String nodeString() {
        return "LocalRelation " + output.stream().map(AttributeReference::debugString).toList() + ", " + rows.size() + " rows";
    }
}
