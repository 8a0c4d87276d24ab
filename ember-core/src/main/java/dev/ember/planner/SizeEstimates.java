package dev.ember.planner;

import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.fs.FileEntry;
import dev.ember.optimizer.Optimizer;
import dev.ember.optimizer.Predicates;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Range;

/**
 * Rough sizes of plans in bytes, for choosing join strategies: files by their length (scaled by the
 * share of columns read), in-memory rows by count, a filter (or a semi or anti join) as half its input, an equi-join as the
 * sum of its sides, any other join as their product (as Spark estimates without statistics). Unknown sizes are
 * large, so that nothing unknown is broadcast. Table statistics will refine these.
 */
final class SizeEstimates {
    static final long UNKNOWN = Long.MAX_VALUE / 4;
    private static final long BYTES_PER_VALUE = 8;

    private SizeEstimates() {
    }

    static long bytes(LogicalPlan plan) {
        if (plan instanceof FileRelation relation) {
            long total = fileBytes(relation);
            return Math.max(1, total * relation.columns().length / Math.max(1, relation.schema().size()));
        }
        if (plan instanceof LocalRelation local) {
            return (long) local.rows().size() * Math.max(1, local.output().size()) * BYTES_PER_VALUE;
        }
        if (plan instanceof Range range) {
            return range.count() * BYTES_PER_VALUE;
        }
        if (plan instanceof Filter filter) {
            return bytes(filter.child()) / 2;
        }
        if (plan instanceof Limit limit) {
            return Math.min(bytes(limit.child()), (long) limit.limit() * Math.max(1, limit.output().size()) * BYTES_PER_VALUE);
        }
        if (plan instanceof Join join && (join.joinType() == JoinType.LEFT_SEMI || join.joinType() == JoinType.LEFT_ANTI)) {
            // A filter of the left side by the right: half, as any filter.
            return bytes(join.left()) / 2;
        }
        if (plan instanceof Join join && !join.joinType().outputsRight()) {
            return bytes(join.left());
        }
        if (plan instanceof Join join && equiJoin(join)) {
            // Most equi-joins match a key to one row of the other side (a foreign key to its table): the
            // output is about as large as the inputs, not their product.
            return Math.min(UNKNOWN, bytes(join.left()) + bytes(join.right()));
        }
        if (plan instanceof Join join) {
            // A join without equal keys may pair every row with every row.
            return saturatedProduct(bytes(join.left()), bytes(join.right()));
        }
        if (plan instanceof Aggregate || plan.children().size() == 1) {
            return plan.children().isEmpty() ? UNKNOWN : bytes(plan.children().get(0));
        }
        return UNKNOWN;
    }

    /**
     * The bytes of the rows {@code plan} is estimated to produce ({@link Optimizer#estimatedRows}:
     * filters keep their selectivity from the files' statistics), {@link #BYTES_PER_VALUE} a column:
     * nearer than {@link #bytes} for a filtered input, but resting on statistics that may mislead,
     * so it chooses which side of a join is built, never whether a side is broadcast.
     */
    static double estimatedRowBytes(LogicalPlan plan) {
        return Optimizer.estimatedRows(plan) * Math.max(1, plan.output().size()) * BYTES_PER_VALUE;
    }

    private static boolean equiJoin(Join join) {
        for (Expression conjunct : Predicates.conjuncts(join.condition())) {
            if (conjunct instanceof Comparison comparison && comparison.operator() == Comparison.Operator.EQUAL
                    && Predicates.joinsSides(comparison, join.left().output(), join.right().output())) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of all the relation's files, as listed. */
    static long fileBytes(FileRelation relation) {
        return relation.files().stream().mapToLong(FileEntry::length).sum();
    }

    private static long saturatedProduct(long a, long b) {
        return a != 0 && b > UNKNOWN / a ? UNKNOWN : Math.min(UNKNOWN, a * b);
    }
}
