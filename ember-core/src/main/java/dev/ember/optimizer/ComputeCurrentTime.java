package dev.ember.optimizer;

import dev.ember.expr.Expression;
import dev.ember.expr.SubqueryExpression;
import dev.ember.expr.function.CurrentDate;
import dev.ember.expr.function.CurrentTimestamp;
import dev.ember.plan.logical.LogicalPlan;
import java.time.Instant;

/**
 * Replaces {@code current_timestamp()}, {@code now()} and {@code current_date()} with constants of
 * one instant, taken once per query (subqueries included), so that every call and every row agree
 * ({@code current_timestamp() = now()} is true), as in Spark.
 */
final class ComputeCurrentTime {
    private ComputeCurrentTime() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return apply(plan, Instant.now());
    }

    private static LogicalPlan apply(LogicalPlan plan, Instant now) {
        return plan.transformAllExpressions(e -> at(e, now));
    }

    private static Expression at(Expression e, Instant now) {
        if (e instanceof CurrentTimestamp) {
            return CurrentTimestamp.at(now);
        }
        if (e instanceof CurrentDate today) {
            return today.at(now);
        }
        if (e instanceof SubqueryExpression subquery) {
            LogicalPlan plan = apply(subquery.plan(), now);
            return plan == subquery.plan() ? e : subquery.withPlan(plan);
        }
        return e;
    }
}
