package dev.ember.expr;

import dev.ember.error.QueryPosition;
import dev.ember.sql.types.DataType;
import java.util.List;

/** A column name as written ({@code a}, {@code t.a}), before the analyzer finds the column it means. */
public final class UnresolvedAttribute extends LeafExpression {
    private static final long serialVersionUID = 1L;

    private final List<String> nameParts;
    private final QueryPosition position;

    public UnresolvedAttribute(List<String> nameParts, QueryPosition position) {
        if (nameParts.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
        this.nameParts = List.copyOf(nameParts);
        this.position = position;
    }

    public static UnresolvedAttribute of(String... nameParts) {
        return new UnresolvedAttribute(List.of(nameParts), null);
    }

    public List<String> nameParts() {
        return nameParts;
    }

    /** Where the name appears in the query text, or {@code null} when built through the API. */
    public QueryPosition position() {
        return position;
    }

    public String name() {
        return String.join(".", nameParts);
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("unresolved attribute " + name() + " has no type");
    }

    @Override
    public String toString() {
        return nameParts.get(nameParts.size() - 1);
    }
}
