package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code VALUES (1, 'a'), (2, 'b') [AS t(id, name)]}: rows of constant expressions, turned into a
 * {@link LocalRelation} by the analyzer. Column names default to {@code col1, col2, ...}.
 */
public final class InlineTable extends LeafNode {
    private final List<String> columnNames;
    private final List<List<Expression>> rows;

    public InlineTable(List<String> columnNames, List<List<Expression>> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("VALUES needs at least one row");
        }
        this.columnNames = List.copyOf(columnNames);
        this.rows = rows.stream().map(List::copyOf).toList();
    }

    /** The names given with {@code AS t(a, b)}, or empty. */
    public List<String> columnNames() {
        return columnNames;
    }

    public List<List<Expression>> rows() {
        return rows;
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public List<AttributeReference> output() {
        throw new IllegalStateException("inline table is resolved into a local relation first");
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>();
        rows.forEach(all::addAll);
        return all;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<List<Expression>> mapped = new ArrayList<>();
        boolean changed = false;
        for (List<Expression> row : rows) {
            List<Expression> newRow = mapAll(row, f, Expression.class);
            changed |= newRow != row;
            mapped.add(newRow);
        }
        return changed ? new InlineTable(columnNames, mapped) : this;
    }

    @Override
    public String nodeString() {
        return "'InlineTable " + rows.size() + " rows";
    }
}
