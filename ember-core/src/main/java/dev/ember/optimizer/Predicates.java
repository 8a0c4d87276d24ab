package dev.ember.optimizer;

import dev.ember.analysis.Expressions;
import dev.ember.expr.And;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.Or;
import dev.ember.expr.OuterReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Splitting, combining and locating predicates, shared by the optimizer rules and the planner. */
public final class Predicates {
    private Predicates() {
    }

    /** The parts of a conjunction: {@code a AND (b AND c)} gives {@code [a, b, c]}; {@code null} gives none. */
    public static List<Expression> conjuncts(Expression condition) {
        List<Expression> result = new ArrayList<>();
        if (condition instanceof And and) {
            result.addAll(conjuncts(and.left()));
            result.addAll(conjuncts(and.right()));
        } else if (condition != null) {
            result.add(condition);
        }
        return result;
    }

    /**
     * The conjuncts of a condition, with the conjuncts that every branch of an OR shares taken out of
     * it: {@code (a AND b) OR (a AND c)} gives {@code [a, b OR c]}, so that {@code a} can become a
     * join key (TPC-H Q19 repeats its join condition in each branch).
     */
    public static List<Expression> conjunctsFactored(Expression condition) {
        List<Expression> result = new ArrayList<>();
        for (Expression conjunct : conjuncts(condition)) {
            result.addAll(conjunct instanceof Or or ? factorOr(or) : List.of(conjunct));
        }
        return result;
    }

    private static List<Expression> factorOr(Or or) {
        List<List<Expression>> branches = new ArrayList<>();
        for (Expression branch : disjuncts(or)) {
            branches.add(conjuncts(branch));
        }
        List<Expression> common = new ArrayList<>(branches.get(0));
        for (List<Expression> branch : branches.subList(1, branches.size())) {
            common.removeIf(c -> !c.deterministic() || branch.stream().noneMatch(b -> same(b, c)));
        }
        if (common.isEmpty()) {
            return List.of(or);
        }
        List<Expression> result = new ArrayList<>(common);
        Expression rest = null;
        for (List<Expression> branch : branches) {
            List<Expression> remaining = new ArrayList<>(branch);
            remaining.removeIf(b -> common.stream().anyMatch(c -> same(b, c)));
            if (remaining.isEmpty()) {
                // One branch is exactly the common part: the OR of the rest adds nothing.
                return result;
            }
            Expression conjunction = and(remaining);
            rest = rest == null ? conjunction : new Or(rest, conjunction);
        }
        result.add(rest);
        return result;
    }

    private static boolean same(Expression a, Expression b) {
        return Expressions.canonical(a).equals(Expressions.canonical(b));
    }

    /** The branches of a disjunction: {@code a OR (b OR c)} gives {@code [a, b, c]}. */
    public static List<Expression> disjuncts(Expression condition) {
        List<Expression> result = new ArrayList<>();
        if (condition instanceof Or or) {
            result.addAll(disjuncts(or.left()));
            result.addAll(disjuncts(or.right()));
        } else {
            result.add(condition);
        }
        return result;
    }

    /** The conjunction of the predicates, {@code null} when there are none. */
    public static Expression and(List<Expression> predicates) {
        Expression result = null;
        for (Expression predicate : predicates) {
            result = result == null ? predicate : new And(result, predicate);
        }
        return result;
    }

    /** The identities of the columns an expression reads. */
    public static Set<ExprId> references(Expression expression) {
        Set<ExprId> ids = new HashSet<>();
        for (AttributeReference attribute : expression.collect(AttributeReference.class)) {
            ids.add(attribute.exprId());
        }
        return ids;
    }

    /** The identities of the columns any of the expressions reads. */
    public static Set<ExprId> references(List<? extends Expression> expressions) {
        Set<ExprId> ids = new HashSet<>();
        for (Expression expression : expressions) {
            ids.addAll(references(expression));
        }
        return ids;
    }

    public static Set<ExprId> ids(List<AttributeReference> output) {
        Set<ExprId> ids = new HashSet<>();
        for (AttributeReference attribute : output) {
            ids.add(attribute.exprId());
        }
        return ids;
    }

    /** Whether the expression reads some column and only columns of {@code output}. */
    public static boolean refersOnlyTo(Expression expression, List<AttributeReference> output) {
        Set<ExprId> used = references(expression);
        return !used.isEmpty() && ids(output).containsAll(used);
    }

    /**
     * Whether {@code comparison} compares an expression of the left side's columns with one of the
     * right side's, either way round: a join key.
     */
    public static boolean joinsSides(Comparison comparison, List<AttributeReference> left, List<AttributeReference> right) {
        return refersOnlyTo(comparison.left(), left) && refersOnlyTo(comparison.right(), right)
                || refersOnlyTo(comparison.left(), right) && refersOnlyTo(comparison.right(), left);
    }

    public static boolean correlated(Expression expression) {
        return expression.anyMatch(e -> e instanceof OuterReference);
    }

    /** The expression with its outer references turned into plain column references. */
    public static Expression stripOuter(Expression expression) {
        return expression.transformUp(e -> e instanceof OuterReference outer ? outer.attribute() : e);
    }
}
