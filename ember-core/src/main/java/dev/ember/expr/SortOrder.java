package dev.ember.expr;

import dev.ember.sql.types.DataType;

/**
 * One key of an ordering: the expression, its direction, and where NULLs go. Spark's default puts
 * NULLs first when ascending and last when descending.
 */
public final class SortOrder extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final boolean ascending;
    private final boolean nullsFirst;

    public SortOrder(Expression child, boolean ascending, boolean nullsFirst) {
        super(child);
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    public static SortOrder ascending(Expression child) {
        return new SortOrder(child, true, true);
    }

    public static SortOrder descending(Expression child) {
        return new SortOrder(child, false, false);
    }

    public boolean ascending() {
        return ascending;
    }

    public boolean nullsFirst() {
        return nullsFirst;
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new SortOrder(newChild, ascending, nullsFirst);
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public String toString() {
        return child + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
