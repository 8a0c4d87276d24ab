package dev.ember.optimizer;

import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.aggregate.Collect;
import dev.ember.expr.aggregate.ExtremumBy;
import dev.ember.expr.aggregate.FirstLast;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Distinct;
import dev.ember.plan.logical.Expand;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Generate;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LeafNode;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Repartition;
import dev.ember.plan.logical.SetOperation;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.plan.logical.Union;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregates only the groups a join can use: in {@code outer LEFT JOIN (SELECT k, agg(v) FROM t
 * GROUP BY k) a ON o.k = a.k} (what {@link RewriteSubqueries} makes of a correlated scalar
 * subquery) the aggregate's input becomes {@code t LEFT SEMI JOIN domain ON t.k = domain.k}, where
 * the domain is the smallest filtered part of the outer plan that still produces the outer key (or
 * a column equal to it through an inner join's equality): TPC-H Q17 averages the lineitems of 200
 * filtered parts instead of all 200,000 parts. Any superset of the outer's keys gives the same
 * answer, since each group is kept or dropped whole and the join reads only the groups whose key
 * the outer has (NULL keys match nothing). Only when the domain is filtered: otherwise the semi
 * join would keep every group and be pure cost. The domain is computed a second time, under fresh
 * column identities, so only a domain that gives the same rows again qualifies.
 */
final class RestrictJoinedAggregates {
    private RestrictJoinedAggregates() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Join join ? restricted(join) : node);
    }

    private static LogicalPlan restricted(Join join) {
        if (join.joinType() != JoinType.LEFT_OUTER && join.joinType() != JoinType.INNER || join.condition() == null) {
            return join;
        }
        return restrictedAggregate(join.right(), join.left(), join.condition())
                .map(right -> join.with(join.left(), right, join.joinType(), join.condition()))
                .orElse(join);
    }

    /**
     * {@code grouped} (an aggregate under projections that pass its grouping columns through) with its
     * input restricted to the keys {@code outer} can match through the equalities of {@code condition}.
     */
    private static Optional<LogicalPlan> restrictedAggregate(LogicalPlan grouped, LogicalPlan outer, Expression condition) {
        Optional<Aggregate> found = aggregateBelow(grouped);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Aggregate aggregate = found.get();
        Set<ExprId> groupingColumns = Predicates.ids(aggregate.groupings().stream()
                .filter(AttributeReference.class::isInstance).map(AttributeReference.class::cast).toList());
        groupingColumns.retainAll(Predicates.ids(grouped.output()));
        // Each equality of a grouping-column expression with an outer expression: (inner side, outer side).
        List<Expression[]> keys = new ArrayList<>();
        Map<ExprId, AttributeReference> outerColumns = new LinkedHashMap<>();
        for (Expression conjunct : Predicates.conjuncts(condition)) {
            if (!(conjunct instanceof Comparison c) || c.operator() != Comparison.Operator.EQUAL || !c.deterministic()) {
                continue;
            }
            for (Expression[] sides : List.of(new Expression[] {c.left(), c.right()}, new Expression[] {c.right(), c.left()})) {
                Set<ExprId> innerRefs = Predicates.references(sides[0]);
                if (!innerRefs.isEmpty() && groupingColumns.containsAll(innerRefs) && Predicates.refersOnlyTo(sides[1], outer.output())) {
                    keys.add(sides);
                    sides[1].collect(AttributeReference.class).forEach(a -> outerColumns.put(a.exprId(), a));
                    break;
                }
            }
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Optional<Domain> domain = Domain.find(outer, outerColumns);
        if (domain.isEmpty() || !repeatable(domain.get().plan())) {
            return Optional.empty();
        }
        // The domain's columns under fresh identities, so that its copy is distinct from the outer's.
        Map<ExprId, AttributeReference> fresh = new LinkedHashMap<>();
        List<Expression> items = new ArrayList<>();
        domain.get().columns().forEach((outerId, column) -> {
            Alias alias = new Alias(column, column.name());
            items.add(alias);
            fresh.put(outerId, alias.toAttribute());
        });
        List<Expression> semiCondition = new ArrayList<>();
        for (Expression[] key : keys) {
            if (fresh.keySet().containsAll(Predicates.references(key[1]))) {
                semiCondition.add(new Comparison(Comparison.Operator.EQUAL, key[0],
                        key[1].transformUp(e -> e instanceof AttributeReference a ? fresh.get(a.exprId()) : e)));
            }
        }
        if (semiCondition.isEmpty()) {
            return Optional.empty();
        }
        LogicalPlan restrictedInput = new Join(aggregate.child(), new Project(items, domain.get().plan()), JoinType.LEFT_SEMI,
                Predicates.and(semiCondition));
        return Optional.of(grouped.transformDown(node -> node == aggregate ? aggregate.withNewChildren(List.of(restrictedInput)) : node));
    }

    /**
     * Whether computing the plan again gives the same rows: no limit, sample, window (ties), row
     * picked per key, order-dependent aggregate or non-deterministic expression.
     */
    private static boolean repeatable(LogicalPlan plan) {
        boolean repeatableNode = plan instanceof Project || plan instanceof Filter || plan instanceof Join
                || plan instanceof SubqueryAlias || plan instanceof Aggregate || plan instanceof Distinct
                || plan instanceof Union || plan instanceof SetOperation || plan instanceof Sort
                || plan instanceof Repartition || plan instanceof Expand || plan instanceof Generate || plan instanceof LeafNode;
        return repeatableNode
                && plan.expressions().stream().allMatch(e -> e.deterministic()
                        && !e.anyMatch(x -> x instanceof FirstLast || x instanceof ExtremumBy || x instanceof Collect))
                && plan.children().stream().allMatch(RestrictJoinedAggregates::repeatable);
    }

    /** The aggregate under projections and aliases that keep its columns' identities. */
    private static Optional<Aggregate> aggregateBelow(LogicalPlan plan) {
        if (plan instanceof Aggregate aggregate) {
            return aggregate.groupings().isEmpty() ? Optional.empty() : Optional.of(aggregate);
        }
        if (plan instanceof Project || plan instanceof SubqueryAlias) {
            return aggregateBelow(plan.children().get(0));
        }
        return Optional.empty();
    }

    /**
     * A filtered subtree of the outer plan and, for each outer key column it can vouch for, its
     * column that holds (a superset of) that key's values.
     */
    private record Domain(LogicalPlan plan, Map<ExprId, AttributeReference> columns) {
        /**
         * The smallest filtered subtree below {@code plan} producing some of the {@code columns}
         * (outer key → the column of {@code plan} holding its values); empty when none is filtered.
         */
        static Optional<Domain> find(LogicalPlan plan, Map<ExprId, AttributeReference> columns) {
            if (columns.isEmpty() || !filtered(plan)) {
                return Optional.empty();
            }
            Optional<Domain> below = Optional.empty();
            if (plan instanceof Filter || plan instanceof SubqueryAlias) {
                below = find(plan.children().get(0), columns);
            } else if (plan instanceof Project project) {
                below = find(project.child(), throughProject(project, columns));
            } else if (plan instanceof Join join) {
                below = throughJoin(join, columns);
            }
            return below.isPresent() ? below : Optional.of(new Domain(plan, columns));
        }

        /** Whether the subtree drops rows by a filter (on its own or through a semi or inner join). */
        private static boolean filtered(LogicalPlan plan) {
            if (plan instanceof Filter) {
                return true;
            }
            if (plan instanceof Project || plan instanceof SubqueryAlias) {
                return filtered(plan.children().get(0));
            }
            if (plan instanceof Join join) {
                return switch (join.joinType()) {
                    case LEFT_SEMI, LEFT_ANTI -> true;
                    case INNER, CROSS -> filtered(join.left()) || filtered(join.right());
                    case LEFT_OUTER -> filtered(join.left());
                    default -> false;
                };
            }
            return false;
        }

        /** The child's columns that the projection passes on (an attribute, or an alias of one). */
        private static Map<ExprId, AttributeReference> throughProject(Project project, Map<ExprId, AttributeReference> columns) {
            Map<ExprId, AttributeReference> mapped = new LinkedHashMap<>();
            columns.forEach((key, column) -> {
                for (Expression item : project.projectList()) {
                    if (item instanceof AttributeReference a && a.exprId().equals(column.exprId())) {
                        mapped.put(key, a);
                    } else if (item instanceof Alias alias && alias.exprId().equals(column.exprId())
                            && alias.child() instanceof AttributeReference a) {
                        mapped.put(key, a);
                    }
                }
            });
            return mapped;
        }

        /**
         * The better domain of the join's sides whose rows bound the join's keys: both sides of an
         * inner join, the left of a left outer or anti join, and for a semi join the left, or the
         * right through the condition's equalities. A column comes from its own side or from the
         * other column of an equality of the condition; the domain vouching for more keys wins, then
         * the smaller one.
         */
        private static Optional<Domain> throughJoin(Join join, Map<ExprId, AttributeReference> columns) {
            List<LogicalPlan> sides = switch (join.joinType()) {
                case INNER, CROSS, LEFT_SEMI -> List.of(join.left(), join.right());
                case LEFT_OUTER, LEFT_ANTI -> List.of(join.left());
                default -> List.of();
            };
            List<Domain> found = new ArrayList<>();
            for (LogicalPlan side : sides) {
                find(side, onSide(side, join.condition(), columns)).ifPresent(found::add);
            }
            return found.stream().max(Comparator.<Domain>comparingInt(d -> d.columns().size())
                    .thenComparing(d -> -size(d.plan())));
        }

        private static Map<ExprId, AttributeReference> onSide(LogicalPlan side, Expression condition, Map<ExprId, AttributeReference> columns) {
            Set<ExprId> sideColumns = Predicates.ids(side.output());
            Map<ExprId, AttributeReference> mapped = new LinkedHashMap<>();
            columns.forEach((key, column) -> {
                if (sideColumns.contains(column.exprId())) {
                    mapped.put(key, column);
                    return;
                }
                for (Expression conjunct : Predicates.conjuncts(condition)) {
                    if (conjunct instanceof Comparison c && c.operator() == Comparison.Operator.EQUAL
                            && c.left() instanceof AttributeReference l && c.right() instanceof AttributeReference r
                            && l.dataType().equals(r.dataType())) {
                        AttributeReference other = l.exprId().equals(column.exprId()) ? r : r.exprId().equals(column.exprId()) ? l : null;
                        if (other != null && sideColumns.contains(other.exprId())) {
                            mapped.put(key, other);
                            return;
                        }
                    }
                }
            });
            return mapped;
        }

        private static int size(LogicalPlan plan) {
            int nodes = 1;
            for (LogicalPlan child : plan.children()) {
                nodes += size(child);
            }
            return nodes;
        }
    }
}
