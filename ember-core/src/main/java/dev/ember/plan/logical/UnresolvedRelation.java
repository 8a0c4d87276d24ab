package dev.ember.plan.logical;

import dev.ember.error.QueryPosition;
import dev.ember.expr.AttributeReference;
import java.util.List;

/**
 * A table name as written: a view ({@code comments}), or a path read directly with a format as
 * qualifier ({@code parquet.`/data/t`}, name parts {@code [parquet, /data/t]}).
 */
public final class UnresolvedRelation extends LeafNode {
    private final List<String> nameParts;
    private final QueryPosition position;

    public UnresolvedRelation(List<String> nameParts, QueryPosition position) {
        if (nameParts.isEmpty()) {
            throw new IllegalArgumentException("empty table name");
        }
        this.nameParts = List.copyOf(nameParts);
        this.position = position;
    }

    public List<String> nameParts() {
        return nameParts;
    }

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
    public List<AttributeReference> output() {
        throw new IllegalStateException("unresolved relation " + name() + " has no output");
    }

    @Override
    public String nodeString() {
        return "'UnresolvedRelation [" + name() + "]";
    }
}
