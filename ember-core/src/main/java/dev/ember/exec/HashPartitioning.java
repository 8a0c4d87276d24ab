package dev.ember.exec;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.BoundReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows placed by the hash of {@code keys} (columns, by id) into {@code partitions} partitions, as
 * a hash exchange places them: rows with equal keys are in the same partition. Operators report
 * it ({@link PhysicalPlan#hashPartitionings}) so that the planner adds no exchange where the rows
 * already are where a join or an aggregation needs them (Spark's {@code HashPartitioning}).
 */
public record HashPartitioning(List<ExprId> keys, int partitions) implements java.io.Serializable {
    public HashPartitioning {
        keys = List.copyOf(keys);
    }

    /** The partitioning of a hash by {@code keys} bound to {@code input}, if every key is a column. */
    static Optional<HashPartitioning> ofBound(List<Expression> keys, List<AttributeReference> input, int partitions) {
        List<ExprId> ids = new ArrayList<>();
        for (Expression key : keys) {
            if (!(key instanceof BoundReference column)) {
                return Optional.empty();
            }
            ids.add(input.get(column.ordinal()).exprId());
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new HashPartitioning(ids, partitions));
    }

    /** Whether the rows are hashed by exactly these columns, in this order. */
    public boolean hashesBy(List<? extends Expression> columns) {
        return ids(columns).map(keys::equals).orElse(false);
    }

    /** Whether equal values of {@code columns} are always in the same partition: every key is one of them. */
    public boolean clusters(List<? extends Expression> columns) {
        List<ExprId> ids = columns.stream().filter(c -> c instanceof AttributeReference)
                .map(c -> ((AttributeReference) c).exprId()).toList();
        return ids.containsAll(keys);
    }

    /** This partitioning with its keys renamed, if each is in {@code renames} (a projection's aliases and kept columns). */
    Optional<HashPartitioning> renamed(Map<ExprId, ExprId> renames) {
        List<ExprId> renamed = new ArrayList<>();
        for (ExprId key : keys) {
            if (!renames.containsKey(key)) {
                return Optional.empty();
            }
            renamed.add(renames.get(key));
        }
        return Optional.of(new HashPartitioning(renamed, partitions));
    }

    private static Optional<List<ExprId>> ids(List<? extends Expression> columns) {
        List<ExprId> ids = new ArrayList<>();
        for (Expression column : columns) {
            if (!(column instanceof AttributeReference attribute)) {
                return Optional.empty();
            }
            ids.add(attribute.exprId());
        }
        return Optional.of(ids);
    }
}
