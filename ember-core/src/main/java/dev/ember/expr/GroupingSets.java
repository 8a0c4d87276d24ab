package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The last of an aggregate's grouping expressions when it groups by ROLLUP, CUBE or GROUPING SETS:
 * the sets, each as positions among the grouping expressions before it. The analyzer resolves the
 * aggregate as grouped by all of those, then expands it (Spark's Expand under the aggregate).
 */
public final class GroupingSets extends LeafExpression {
    private static final long serialVersionUID = 1L;

    private final List<List<Integer>> sets;

    public GroupingSets(List<List<Integer>> sets) {
        this.sets = sets.stream().map(List::copyOf).toList();
    }

    public List<List<Integer>> sets() {
        return sets;
    }

    @Override
    public DataType dataType() {
        return AtomicType.NULL;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return sets.stream().map(set -> set.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", ", "GROUPING SETS(", ")"));
    }
}
