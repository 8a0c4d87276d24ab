package dev.ember.optimizer;

import dev.ember.analysis.TypeCoercion;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Comparison;
import dev.ember.expr.Exists;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.InSubquery;
import dev.ember.expr.IsNull;
import dev.ember.expr.Literal;
import dev.ember.expr.Not;
import dev.ember.expr.Or;
import dev.ember.expr.ScalarSubquery;
import dev.ember.expr.SubqueryExpression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Count;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.sql.types.AtomicType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decorrelation: turns subqueries in predicates and select lists into joins.
 * <ul>
 *   <li>{@code [NOT] EXISTS (q)} in a WHERE conjunct: a left semi (anti) join with q, on q's
 *       correlation predicates.</li>
 *   <li>{@code x IN (q)}: a left semi join on {@code x = q.col}; {@code NOT IN} a left anti join on
 *       {@code x = q.col OR (x = q.col) IS NULL}, so that a NULL on either side keeps Spark's
 *       three-valued answer (no row survives when q holds a NULL; every row when q is empty); when q
 *       is uncorrelated, a null-aware anti join instead: keys {@code x = q.col}, the NULL rules from
 *       a scalar subquery over q ({@link #nullAwareNotIn}).</li>
 *   <li>A correlated scalar subquery (an aggregate): a left outer join with the aggregate grouped by
 *       its correlation keys; when the aggregate of no rows is not NULL ({@code count}), rows without a
 *       match get that value instead of NULL.</li>
 * </ul>
 * Uncorrelated scalar subqueries stay expressions; the session runs them before the query.
 */
final class RewriteSubqueries {
    private RewriteSubqueries() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(RewriteSubqueries::rewriteNode);
    }

    private static LogicalPlan rewriteNode(LogicalPlan node) {
        if (node.expressions().stream().noneMatch(e -> e.anyMatch(x -> x instanceof SubqueryExpression))) {
            return node;
        }
        // Subqueries inside subqueries first, so that each plan below is already free of them.
        LogicalPlan inner = node.mapExpressions(e -> e.transformUp(x -> x instanceof SubqueryExpression s
                ? s.withPlan(apply(s.plan())) : x));
        if (inner instanceof Filter filter) {
            return rewriteFilter(filter);
        }
        if (inner instanceof Project project) {
            return rewriteProject(project);
        }
        if (inner.expressions().stream().anyMatch(e -> e.anyMatch(RewriteSubqueries::correlatedOrPredicate))) {
            throw unsupported("subqueries in " + inner.nodeString());
        }
        return inner;
    }

    private static boolean correlatedOrPredicate(Expression e) {
        return e instanceof Exists || e instanceof InSubquery
                || e instanceof ScalarSubquery s && s.plan().anyExpression(Predicates::correlated);
    }

    private static LogicalPlan rewriteFilter(Filter filter) {
        LogicalPlan child = filter.child();
        List<AttributeReference> output = child.output();
        List<Expression> remaining = new ArrayList<>();
        for (Expression written : Predicates.conjuncts(filter.condition())) {
            Expression conjunct = withoutDoubleNegation(written);
            boolean negated = conjunct instanceof Not not && (not.child() instanceof Exists || not.child() instanceof InSubquery);
            Expression predicate = negated ? ((Not) conjunct).child() : conjunct;
            if (predicate instanceof Exists exists) {
                Decorrelated sub = Decorrelated.of(exists.plan());
                child = new Join(child, sub.plan(), negated ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI, Predicates.and(sub.predicates()));
            } else if (predicate instanceof InSubquery in) {
                child = inJoin(child, in, negated);
            } else {
                remaining.add(conjunct);
            }
        }
        SubqueryJoins scalars = SubqueryJoins.over(child);
        List<Expression> rewritten = new ArrayList<>();
        for (Expression conjunct : remaining) {
            rewritten.add(scalars.replace(conjunct));
        }
        LogicalPlan result = rewritten.isEmpty() ? scalars.plan() : new Filter(Predicates.and(rewritten), scalars.plan());
        return scalars.plan() == child && child.output().size() == output.size() ? result : keep(output, result);
    }

    /** {@code NOT NOT p} is p, also for NULL: so that {@code NOT (x NOT IN (q))} is the semi join of {@code x IN (q)}. */
    private static Expression withoutDoubleNegation(Expression predicate) {
        return predicate instanceof Not outer && outer.child() instanceof Not inner ? withoutDoubleNegation(inner.child()) : predicate;
    }

    private static LogicalPlan rewriteProject(Project project) {
        SubqueryJoins scalars = SubqueryJoins.over(project.child());
        List<Expression> items = new ArrayList<>();
        for (Expression item : project.projectList()) {
            items.add(scalars.replace(item));
        }
        return new Project(items, scalars.plan());
    }

    private static LogicalPlan inJoin(LogicalPlan child, InSubquery in, boolean negated) {
        Decorrelated sub = Decorrelated.of(in.plan());
        if (negated && nullAware(in, sub)) {
            Join anti = new Join(child, sub.plan(), JoinType.LEFT_ANTI, inPredicates(in, sub, false).get(0));
            return nullsPossible(in, sub) ? new Filter(nullAwareNotIn(in.value(), sub.plan()), anti) : anti;
        }
        return new Join(child, sub.plan(), negated ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI, Predicates.and(inPredicates(in, sub, negated)));
    }

    /**
     * Whether {@code x NOT IN (q)} can be a null-aware anti join: q uncorrelated, of one column, and x
     * deterministic (it is read twice).
     */
    private static boolean nullAware(InSubquery in, Decorrelated sub) {
        return sub.predicates().isEmpty() && sub.plan().output().size() == 1 && in.value().deterministic();
    }

    /** Whether x or q's column can be NULL; if neither can, the plain anti join on keys is exact. */
    private static boolean nullsPossible(InSubquery in, Decorrelated sub) {
        return in.value().nullable() || sub.plan().output().get(0).nullable();
    }

    /**
     * Spark's null-aware anti join: {@code x NOT IN (q)} is an anti join on {@code x = q.col} with
     * hash keys, corrected by what q holds as a whole: an empty q keeps every row (NULL x too), a
     * NULL in q keeps none, otherwise a NULL x is dropped. This predicate, true for the rows to keep
     * besides the anti join, reads those facts from one uncorrelated scalar subquery (so they are
     * global, whatever the partitioning), {@code state}: 0 when q is empty, 1 when it has no NULL, 2
     * when it has one; a row is kept when {@code (x IS NULL ? 1 : 2) > state}.
     */
    private static Expression nullAwareNotIn(Expression value, LogicalPlan subquery) {
        Expression rows = new Count(Literal.of(1), false);
        Expression values = new Count(subquery.output().get(0), false);
        Expression state = new CaseWhen(
                List.of(new Comparison(Comparison.Operator.EQUAL, rows, Literal.of(0L)), new Comparison(Comparison.Operator.LESS_THAN, values, rows)),
                List.of(Literal.of(0), Literal.of(2)), Literal.of(1));
        LogicalPlan facts = new Aggregate(List.of(), List.of(new Alias(state, "not_in_state")), subquery);
        Expression bound = new CaseWhen(List.of(new IsNull(value, false)), List.of(Literal.of(1)), Literal.of(2));
        return new Comparison(Comparison.Operator.GREATER_THAN, bound, new ScalarSubquery(facts));
    }

    /**
     * What a row of {@code q} must satisfy to count for {@code x [NOT] IN (q)}: q's correlation
     * predicates and {@code x = q.col}, or for NOT IN {@code x = q.col OR (x = q.col) IS NULL}, so
     * that a comparison with NULL excludes the row as Spark's NOT IN does.
     */
    private static List<Expression> inPredicates(InSubquery in, Decorrelated sub, boolean negated) {
        if (in.plan().output().size() != 1) {
            throw unsupported("IN subqueries returning " + in.plan().output().size() + " columns");
        }
        Expression equal = TypeCoercion.coerce(new Comparison(Comparison.Operator.EQUAL, in.value(), sub.plan().output().get(0)));
        List<Expression> predicates = new ArrayList<>(sub.predicates());
        predicates.add(negated ? new Or(equal, new IsNull(equal, false)) : equal);
        return predicates;
    }

    /** Only the given columns of a plan (the columns a rewrite added are dropped again). */
    private static LogicalPlan keep(List<AttributeReference> output, LogicalPlan plan) {
        return new Project(new ArrayList<>(output), plan);
    }

    static EmberException unsupported(String what) {
        return EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", what);
    }

    /**
     * Joins that bring the values of subqueries used inside expressions next to a plan's rows: a left
     * outer join for a correlated scalar subquery, an existence join for EXISTS and IN.
     */
    private static final class SubqueryJoins {
        private LogicalPlan plan;

        private SubqueryJoins(LogicalPlan plan) {
            this.plan = plan;
        }

        static SubqueryJoins over(LogicalPlan plan) {
            return new SubqueryJoins(plan);
        }

        LogicalPlan plan() {
            return plan;
        }

        /** The expression with each correlated scalar subquery replaced by a column joined to the plan. */
        Expression replace(Expression expression) {
            return expression.transformDown(e -> {
                if (e instanceof Not not && not.child() instanceof InSubquery in) {
                    return in(in, true);
                }
                if (e instanceof ScalarSubquery scalar && scalar.plan().anyExpression(Predicates::correlated)) {
                    return join(scalar);
                }
                if (e instanceof Exists exists) {
                    Decorrelated sub = Decorrelated.of(exists.plan());
                    return mark(sub.plan(), sub.predicates());
                }
                if (e instanceof InSubquery in) {
                    return in(in, false);
                }
                return e;
            });
        }

        /** A boolean column: whether some row of {@code right} satisfies the predicates for the plan's row. */
        private AttributeReference mark(LogicalPlan right, List<Expression> predicates) {
            AttributeReference mark = AttributeReference.create("exists", AtomicType.BOOLEAN, false);
            plan = Join.existence(plan, right, Predicates.and(predicates), mark);
            return mark;
        }

        /**
         * {@code x IN (q)} inside an expression is whether some value of q equals x, and {@code x NOT
         * IN (q)} whether none equals x or compares as NULL: two-valued, as Spark computes them there
         * (for an uncorrelated q, no key match and the null-aware facts of q).
         */
        private Expression in(InSubquery in, boolean negated) {
            Decorrelated sub = Decorrelated.of(in.plan());
            if (negated && nullAware(in, sub)) {
                Expression unmatched = new Not(mark(sub.plan(), inPredicates(in, sub, false)));
                return nullsPossible(in, sub) ? Predicates.and(List.of(unmatched, nullAwareNotIn(in.value(), sub.plan()))) : unmatched;
            }
            AttributeReference matched = mark(sub.plan(), inPredicates(in, sub, negated));
            return negated ? new Not(matched) : matched;
        }

        private Expression join(ScalarSubquery scalar) {
            if (!(unaliased(scalar.plan()) instanceof Aggregate original)) {
                throw unsupported("correlated scalar subqueries that do not aggregate (add an aggregate such as max)");
            }
            Decorrelated sub = Decorrelated.of(scalar.plan(), true);
            // A global aggregate has a row for every outer row, even without matches (count gives 0);
            // with GROUP BY, no match means no row, so NULL is right.
            Optional<Literal> onNoRows = original.groupings().isEmpty() ? valueOnNoRows(original.aggregates().get(0)) : Optional.empty();
            LogicalPlan right = sub.plan();
            AttributeReference value = right.output().get(0).withNullability(true);
            Expression replacement = value;
            if (onNoRows.isPresent() && !onNoRows.get().isNull()) {
                // count(*) of no rows is 0, not the NULL an unmatched outer join row would give.
                Alias marker = new Alias(Literal.TRUE, "matched");
                List<Expression> items = new ArrayList<>(right.output());
                items.add(marker);
                right = new Project(items, right);
                replacement = new CaseWhen(List.of(new IsNull(marker.toAttribute().withNullability(true), false)), List.of(onNoRows.get()), value);
            }
            plan = new Join(plan, right, JoinType.LEFT_OUTER, Predicates.and(sub.predicates()));
            return replacement;
        }

        private static LogicalPlan unaliased(LogicalPlan plan) {
            return plan instanceof SubqueryAlias alias ? unaliased(alias.child()) : plan;
        }

        /** What the aggregate's first column is over no rows: each function's result for an empty group (count 0, collect_list []). */
        private static Optional<Literal> valueOnNoRows(Expression item) {
            Expression body = item instanceof Alias alias ? alias.child() : item;
            Expression empty = body.transformDown(e -> e instanceof AggregateFunction function
                    ? new Literal(function.newAccumulator().result(1).getObject(0), function.dataType()) : e);
            return ConstantFolding.evaluate(empty);
        }
    }

    /**
     * A subquery plan with its correlation predicates pulled out of it: the plan no longer reads
     * outer columns, and the predicates (over its output and the outer columns) become the join
     * condition. Columns the predicates need are added to the plan's output on the way up.
     */
    record Decorrelated(LogicalPlan plan, List<Expression> predicates) {
        static Decorrelated of(LogicalPlan plan) {
            return of(plan, false);
        }

        /**
         * @param scalar whether the subquery is a scalar one, whose caller compensates for outer rows
         *     without matches; for EXISTS and IN, a correlated aggregate without GROUP BY (one row for
         *     every outer row) cannot be grouped by its correlation keys and is refused
         */
        static Decorrelated of(LogicalPlan plan, boolean scalar) {
            if (!plan.anyExpression(Predicates::correlated)) {
                return new Decorrelated(plan, List.of());
            }
            if (plan instanceof Filter filter) {
                Decorrelated child = of(filter.child(), scalar);
                List<Expression> kept = new ArrayList<>();
                List<Expression> pulled = new ArrayList<>(child.predicates());
                for (Expression conjunct : Predicates.conjuncts(filter.condition())) {
                    (Predicates.correlated(conjunct) ? pulled : kept).add(Predicates.stripOuter(conjunct));
                }
                LogicalPlan rest = kept.isEmpty() ? child.plan() : new Filter(Predicates.and(kept), child.plan());
                return new Decorrelated(rest, pulled);
            }
            if (plan instanceof SubqueryAlias alias) {
                Decorrelated child = of(alias.child(), scalar);
                return new Decorrelated(new SubqueryAlias(alias.alias(), child.plan()), child.predicates());
            }
            if (plan instanceof Project project && project.expressions().stream().noneMatch(Predicates::correlated)) {
                Decorrelated child = of(project.child(), scalar);
                List<Expression> items = new ArrayList<>(project.projectList());
                for (AttributeReference needed : innerColumns(child, project.child().output())) {
                    if (project.output().stream().noneMatch(a -> a.exprId().equals(needed.exprId()))) {
                        items.add(needed);
                    }
                }
                return new Decorrelated(new Project(items, child.plan()), child.predicates());
            }
            if (plan instanceof Aggregate aggregate && aggregate.expressions().stream().noneMatch(Predicates::correlated)) {
                if (!scalar && aggregate.groupings().isEmpty()) {
                    throw unsupported("a correlated EXISTS or IN subquery over an aggregate without GROUP BY: " + aggregate.nodeString());
                }
                Decorrelated child = of(aggregate.child());
                // Grouping by the inner side of each correlation equality gives one aggregate per outer key.
                List<Expression> groupings = new ArrayList<>(aggregate.groupings());
                List<Expression> items = new ArrayList<>(aggregate.aggregates());
                for (AttributeReference needed : innerColumns(child, aggregate.child().output())) {
                    groupings.add(needed);
                    items.add(needed);
                }
                for (Expression predicate : child.predicates()) {
                    if (!(predicate instanceof Comparison c && c.operator() == Comparison.Operator.EQUAL)) {
                        throw unsupported("a correlated predicate other than equality below an aggregate: " + predicate);
                    }
                }
                return new Decorrelated(new Aggregate(groupings, items, child.plan()), child.predicates());
            }
            if (plan instanceof Join join && join.joinType() == JoinType.INNER
                    && (join.condition() == null || !Predicates.correlated(join.condition()))) {
                Decorrelated left = of(join.left());
                Decorrelated right = of(join.right());
                List<Expression> predicates = new ArrayList<>(left.predicates());
                predicates.addAll(right.predicates());
                return new Decorrelated(new Join(left.plan(), right.plan(), join.joinType(), join.condition()), predicates);
            }
            throw unsupported("correlated references in " + plan.nodeString());
        }

        /** The columns of {@code input} that the pulled-up predicates read. */
        private static List<AttributeReference> innerColumns(Decorrelated child, List<AttributeReference> input) {
            Set<ExprId> inputIds = Predicates.ids(input);
            List<AttributeReference> needed = new ArrayList<>();
            for (Expression predicate : child.predicates()) {
                for (AttributeReference attribute : predicate.collect(AttributeReference.class)) {
                    if (inputIds.contains(attribute.exprId()) && !needed.contains(attribute)) {
                        needed.add(attribute);
                    }
                }
            }
            return needed;
        }
    }
}
