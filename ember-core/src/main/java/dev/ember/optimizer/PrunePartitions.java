package dev.ember.optimizer;

import dev.ember.exec.PhysicalPlan;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.SubqueryExpression;
import dev.ember.fs.FileEntry;
import dev.ember.fs.Location;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops the files of partitions a filter rejects, before any is read: the conjuncts of a filter
 * right above a partitioned relation (where {@link PushDownPredicates} put it) that read only
 * partition columns are evaluated once per partition directory. The filter stays, so rows are
 * still checked; the relation remembers the conjuncts for EXPLAIN ({@code PartitionFilters}).
 */
final class PrunePartitions {
    private PrunePartitions() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Filter filter && filter.child() instanceof FileRelation relation
                && relation.partitioning().isPartitioned() && relation.partitionFilters().isEmpty()
                ? prune(filter, relation) : node);
    }

    private static LogicalPlan prune(Filter filter, FileRelation relation) {
        List<AttributeReference> partitionColumns = relation.partitionAttributes();
        List<Expression> partitionFilters = new ArrayList<>();
        for (Expression conjunct : Predicates.conjuncts(filter.condition())) {
            if (conjunct.deterministic() && !conjunct.anyMatch(e -> e instanceof SubqueryExpression)
                    && Predicates.refersOnlyTo(conjunct, partitionColumns)) {
                partitionFilters.add(conjunct);
            }
        }
        if (partitionFilters.isEmpty()) {
            return filter;
        }
        Expression bound = PhysicalPlan.bind(Predicates.and(partitionFilters), partitionColumns);
        Map<Location, Boolean> keptDirectories = new HashMap<>();
        List<FileEntry> kept = new ArrayList<>();
        for (FileEntry file : relation.files()) {
            Location directory = file.location().parent();
            boolean keep = keptDirectories.computeIfAbsent(directory,
                    d -> accepts(bound, relation, relation.partitioning().valuesOf(file.location())));
            if (keep) {
                kept.add(file);
            }
        }
        return filter.withNewChildren(List.of(relation.withPartitionsPruned(kept, partitionFilters)));
    }

    /** Whether the partition with these values passes: a null or false result rejects it, as a filter does. */
    private static boolean accepts(Expression bound, FileRelation relation, List<Object> values) {
        List<ColumnVector> columns = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            columns.add(new Literal(values.get(i), relation.partitioning().schema().field(i).dataType()).repeat(1));
        }
        ColumnVector result = bound.eval(new Batch(columns, 1));
        return !result.isNull(0) && ((BooleanVector) result).get(0);
    }
}
