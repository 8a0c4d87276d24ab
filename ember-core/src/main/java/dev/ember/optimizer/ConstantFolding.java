package dev.ember.optimizer;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.NamedExpression;
import dev.ember.expr.OuterReference;
import dev.ember.expr.SubqueryExpression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.function.Explode;
import dev.ember.expr.window.WindowExpression;
import dev.ember.expr.window.WindowFunction;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.vector.Batch;
import java.util.List;
import java.util.Optional;

/**
 * Computes expressions that read no column once, at planning time: {@code DATE '1998-12-01' -
 * INTERVAL '90' DAY} becomes one date. An expression whose evaluation fails (say {@code 1/0}) is
 * left alone so that it fails only if a row actually evaluates it, as under a CASE branch.
 */
final class ConstantFolding {
    private static final Batch ONE_ROW = new Batch(List.of(), 1);

    private ConstantFolding() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node.mapExpressions(ConstantFolding::fold));
    }

    static Expression fold(Expression expression) {
        return expression.transformDown(e -> constant(e) ? evaluate(e).map(Expression.class::cast).orElse(e) : e);
    }

    private static boolean constant(Expression e) {
        return !(e instanceof Literal) && !(e instanceof NamedExpression) && e.resolved() && e.deterministic()
                && !e.anyMatch(x -> x instanceof AttributeReference || x instanceof OuterReference
                        || x instanceof SubqueryExpression || x instanceof AggregateFunction || x instanceof Explode
                        || x instanceof WindowExpression || x instanceof WindowFunction
                        || x instanceof NamedExpression);
    }

    /** The value of a column-free expression, empty when computing it fails. */
    static Optional<Literal> evaluate(Expression e) {
        try {
            return Optional.of(new Literal(e.eval(ONE_ROW).getObject(0), e.dataType()));
        } catch (RuntimeException failed) {
            return Optional.empty();
        }
    }
}
