package dev.ember.optimizer;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.IsNull;
import dev.ember.expr.Literal;
import dev.ember.expr.NamedExpression;
import dev.ember.expr.Not;
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
 * left alone so that it fails only if a row actually evaluates it, as under a CASE branch. Run
 * again once scalar subqueries' values are known, it also simplifies a CASE of constants compared
 * with one ({@link #simplified}).
 */
final class ConstantFolding {
    private static final Batch ONE_ROW = new Batch(List.of(), 1);

    private ConstantFolding() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node.mapExpressions(ConstantFolding::fold));
    }

    static Expression fold(Expression expression) {
        Expression folded = expression.transformDown(e -> constant(e) ? evaluate(e).map(Expression.class::cast).orElse(e) : e);
        return folded.transformUp(ConstantFolding::simplified);
    }

    /**
     * Spark's PushFoldableIntoBranches and SimplifyConditionals where they meet: a CASE of constants
     * compared with a constant is the CASE of the comparisons, computed; a CASE choosing TRUE or FALSE
     * by one condition that is never NULL is that condition (or its negation); one whose branches are
     * all the same constant is that constant. A null-aware {@code NOT IN} filters by
     * {@code (CASE WHEN x IS NULL THEN 1 ELSE 2 END) > state}, which, once its subquery's state is
     * known, is {@code x IS NOT NULL}, TRUE or FALSE.
     */
    private static Expression simplified(Expression e) {
        if (e instanceof Comparison comparison && comparison.right() instanceof Literal constant
                && comparison.left() instanceof CaseWhen cases && choosesConstants(cases)) {
            List<Expression> values = cases.values().stream().map(value -> compared(comparison, value, constant)).toList();
            return simplified(new CaseWhen(cases.conditions(), values, compared(comparison, cases.elseValue(), constant)));
        }
        if (e instanceof CaseWhen cases && cases.conditions().size() == 1 && !cases.conditions().get(0).nullable()
                && cases.values().get(0) instanceof Literal then && cases.elseValue() instanceof Literal otherwise
                && then.value() instanceof Boolean chosen && otherwise.value() instanceof Boolean other && chosen != other) {
            Expression condition = cases.conditions().get(0);
            return chosen ? condition : negated(condition);
        }
        if (e instanceof CaseWhen cases && choosesConstants(cases) && cases.values().stream().allMatch(cases.elseValue()::equals)
                && cases.conditions().stream().allMatch(Expression::deterministic)) {
            return cases.elseValue();
        }
        return e;
    }

    /** Whether each branch of a CASE, ELSE included, is a constant. */
    private static boolean choosesConstants(CaseWhen cases) {
        return cases.elseValue() instanceof Literal && cases.values().stream().allMatch(Literal.class::isInstance);
    }

    /** {@code value} compared with {@code constant} as {@code comparison} does, computed when it can be. */
    private static Expression compared(Comparison comparison, Expression value, Literal constant) {
        Expression compared = new Comparison(comparison.operator(), value, constant);
        return evaluate(compared).map(Expression.class::cast).orElse(compared);
    }

    private static Expression negated(Expression condition) {
        return condition instanceof IsNull isNull ? new IsNull(isNull.child(), !isNull.negated()) : new Not(condition);
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
