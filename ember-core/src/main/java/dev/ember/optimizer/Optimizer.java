package dev.ember.optimizer;

import dev.ember.expr.ScalarSubquery;
import dev.ember.plan.logical.LogicalPlan;

/**
 * Rewrites a resolved logical plan into a cheaper equivalent one, rule after rule: subqueries into
 * joins, the current time fixed, constants folded, filters pushed towards the data, aggregates joined
 * on their grouping keys restricted to the keys the other side can have, semi and anti joins below
 * the joins they filter, partitions pruned by filters on partition columns, inner joins ordered by
 * estimated costs (with the semi joins where they and the joins below them read fewest rows), unused columns pruned down to
 * the file scans, which also get the filters they can skip data with. Every rule keeps the plan's
 * output (names, types, identities) unchanged.
 */
public final class Optimizer {
    private Optimizer() {
    }

    public static LogicalPlan optimize(LogicalPlan plan) {
        LogicalPlan optimized = RewriteSubqueries.apply(ComputeCurrentTime.apply(plan));
        optimized = ConstantFolding.apply(optimized);
        optimized = PushDownPredicates.apply(optimized);
        optimized = RestrictJoinedAggregates.apply(optimized);
        optimized = PushSemiJoins.apply(optimized);
        optimized = PrunePartitions.apply(optimized);
        optimized = ReorderJoins.apply(optimized);
        optimized = PruneColumns.apply(optimized);
        optimized = PushFiltersToScans.apply(optimized);
        // The scalar subqueries left (uncorrelated) run as queries of their own: optimize them too.
        return optimized.transformAllExpressions(e -> e instanceof ScalarSubquery scalar
                ? scalar.withPlan(optimize(scalar.plan())) : e);
    }

    /**
     * The plan with its expressions computed where they read no column, after its scalar subqueries'
     * values were put in: a condition that reads one may then simplify ({@link ConstantFolding}).
     */
    public static LogicalPlan foldConstants(LogicalPlan plan) {
        return ConstantFolding.apply(plan);
    }

    /** The rows the join ordering estimates a plan to produce (from its files' statistics where they have them). */
    public static double estimatedRows(LogicalPlan plan) {
        return Cardinality.of(plan).rows();
    }
}
