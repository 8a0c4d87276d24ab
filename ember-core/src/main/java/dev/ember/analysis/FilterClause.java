package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Rebound;
import dev.ember.expr.window.WindowExpression;
import dev.ember.sql.types.AtomicType;
import java.util.List;

/** The {@code FILTER (WHERE ...)} clause of a resolved call, checked as Spark's analysis checks it. */
final class FilterClause {
    private FilterClause() {
    }

    /** {@code function}, resolved from {@code call}, with the call's FILTER clause if it has one. */
    static Expression apply(Expression function, UnresolvedFunction call) {
        Expression condition = call.filter();
        if (condition == null) {
            return function;
        }
        if (!(function instanceof AggregateFunction aggregate)) {
            throw EmberException.of(ErrorClass.INVALID_SQL_SYNTAX,
                    "detail", "The function `" + call.name() + "` does not support FILTER CLAUSE.").at(call.position());
        }
        String reason = null;
        List<AggregateFunction> aggregates = condition.collect(AggregateFunction.class);
        List<WindowExpression> windows = condition.collect(WindowExpression.class);
        if (!condition.deterministic()) {
            reason = "Expected a deterministic FILTER expression.";
        } else if (condition.dataType() != AtomicType.BOOLEAN) {
            reason = "Expected a FILTER expression of the BOOLEAN type.";
        } else if (!aggregates.isEmpty()) {
            reason = "Expected a FILTER expression without an aggregation, but found \"" + aggregates.get(0) + "\".";
        } else if (!windows.isEmpty()) {
            reason = "Expected a FILTER expression without a window function, but found \"" + windows.get(0) + "\".";
        }
        if (reason != null) {
            throw EmberException.of(ErrorClass.INVALID_AGGREGATE_FILTER, "filterExpr", "\"" + condition + "\"", "reason", reason)
                    .at(call.position());
        }
        return Rebound.filtering(aggregate, condition);
    }
}
