package dev.ember.expr;

import dev.ember.sql.types.DataType;
import java.util.List;

/** {@code *} or {@code t.*} in a select list, expanded by the analyzer into the columns it stands for. */
public final class UnresolvedStar extends LeafExpression {
    private static final long serialVersionUID = 1L;

    private final List<String> qualifier;

    public UnresolvedStar(List<String> qualifier) {
        this.qualifier = List.copyOf(qualifier);
    }

    /** Empty for a bare {@code *}. */
    public List<String> qualifier() {
        return qualifier;
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("* has no type");
    }

    @Override
    public String toString() {
        return qualifier.isEmpty() ? "*" : String.join(".", qualifier) + ".*";
    }
}
