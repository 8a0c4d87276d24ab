package dev.ember.optimizer;

import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.Or;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.SubqueryAlias;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves filter conjuncts as close to the data as they can go: through projections and aliases,
 * below aggregates (conjuncts on grouping columns only), into the sides of joins, and into the
 * condition of an inner join when they read both sides, which turns {@code FROM a, b WHERE a.k =
 * b.k} into an equi-join instead of a cross product. Outer joins only take conjuncts that cannot
 * change which rows are padded with NULLs.
 */
final class PushDownPredicates {
    private PushDownPredicates() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        if (plan instanceof Filter filter) {
            return pushInto(filter.child(), Predicates.conjunctsFactored(filter.condition()));
        }
        if (plan instanceof Join join) {
            return pushInto(join, List.of());
        }
        List<LogicalPlan> children = new ArrayList<>();
        for (LogicalPlan child : plan.children()) {
            children.add(apply(child));
        }
        return plan.withNewChildren(children);
    }

    /** {@code plan} filtered by the predicates, with each predicate placed as low as it can go. */
    private static LogicalPlan pushInto(LogicalPlan plan, List<Expression> predicates) {
        List<Expression> movable = new ArrayList<>();
        List<Expression> stay = new ArrayList<>();
        for (Expression predicate : predicates) {
            (predicate.deterministic() ? movable : stay).add(predicate);
        }
        LogicalPlan pushed;
        if (plan instanceof Filter filter) {
            List<Expression> all = new ArrayList<>(Predicates.conjunctsFactored(filter.condition()));
            all.addAll(movable);
            pushed = pushInto(filter.child(), all);
        } else if (plan instanceof SubqueryAlias alias) {
            pushed = new SubqueryAlias(alias.alias(), pushInto(alias.child(), movable));
        } else if (plan instanceof Project project) {
            pushed = throughProject(project, movable, stay);
        } else if (plan instanceof Aggregate aggregate) {
            pushed = throughAggregate(aggregate, movable, stay);
        } else if (plan instanceof Join join) {
            pushed = intoJoin(join, movable, stay);
        } else {
            pushed = apply(plan);
            stay.addAll(0, movable);
        }
        return stay.isEmpty() ? pushed : new Filter(Predicates.and(stay), pushed);
    }

    private static LogicalPlan throughProject(Project project, List<Expression> predicates, List<Expression> stay) {
        if (!project.projectList().stream().allMatch(Expression::deterministic)) {
            // Filtering first would change which rows a rand() or a row number is computed for.
            stay.addAll(predicates);
            return new Project(project.projectList(), apply(project.child()));
        }
        Map<ExprId, Expression> definitions = new HashMap<>();
        for (Expression item : project.projectList()) {
            if (item instanceof Alias alias && alias.child().deterministic()) {
                definitions.put(alias.exprId(), alias.child());
            } else if (item instanceof AttributeReference attribute) {
                definitions.put(attribute.exprId(), attribute);
            }
        }
        List<Expression> below = new ArrayList<>();
        for (Expression predicate : predicates) {
            if (definitions.keySet().containsAll(Predicates.references(predicate))) {
                below.add(predicate.transformUp(e -> e instanceof AttributeReference a && definitions.containsKey(a.exprId())
                        ? definitions.get(a.exprId()) : e));
            } else {
                stay.add(predicate);
            }
        }
        return new Project(project.projectList(), pushInto(project.child(), below));
    }

    private static LogicalPlan throughAggregate(Aggregate aggregate, List<Expression> predicates, List<Expression> stay) {
        Set<ExprId> groupingIds = new HashSet<>();
        for (Expression grouping : aggregate.groupings()) {
            if (grouping instanceof AttributeReference attribute && aggregate.aggregates().contains(attribute)) {
                groupingIds.add(attribute.exprId());
            }
        }
        List<Expression> below = new ArrayList<>();
        for (Expression predicate : predicates) {
            Set<ExprId> used = Predicates.references(predicate);
            (!used.isEmpty() && groupingIds.containsAll(used) ? below : stay).add(predicate);
        }
        return new Aggregate(aggregate.groupings(), aggregate.aggregates(), pushInto(aggregate.child(), below));
    }

    private static LogicalPlan intoJoin(Join join, List<Expression> predicates, List<Expression> stay) {
        Set<ExprId> leftIds = Predicates.ids(join.left().output());
        Set<ExprId> rightIds = Predicates.ids(join.right().output());
        JoinType type = join.joinType();
        List<Expression> toLeft = new ArrayList<>();
        List<Expression> toRight = new ArrayList<>();
        List<Expression> condition = new ArrayList<>();
        boolean inner = type == JoinType.INNER || type == JoinType.CROSS;
        // WHERE conjuncts: a side's own conjunct filters that side, unless the join pads that side with NULLs.
        for (Expression predicate : predicates) {
            Set<ExprId> used = Predicates.references(predicate);
            if (!used.isEmpty() && leftIds.containsAll(used) && type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER) {
                toLeft.add(predicate);
            } else if (!used.isEmpty() && rightIds.containsAll(used) && (inner || type == JoinType.RIGHT_OUTER)) {
                toRight.add(predicate);
            } else if (inner && !used.isEmpty()) {
                condition.add(predicate);
            } else {
                stay.add(predicate);
            }
        }
        // ON conjuncts: those of the side whose rows the join does not keep unmatched filter that side.
        for (Expression conjunct : Predicates.conjuncts(join.condition())) {
            Set<ExprId> used = Predicates.references(conjunct);
            boolean leftOnly = !used.isEmpty() && leftIds.containsAll(used);
            boolean rightOnly = !used.isEmpty() && rightIds.containsAll(used);
            if (leftOnly && (inner || type == JoinType.RIGHT_OUTER || type == JoinType.LEFT_SEMI)) {
                toLeft.add(conjunct);
            } else if (rightOnly && (inner || type == JoinType.LEFT_OUTER || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI
                    || type == JoinType.EXISTENCE)) {
                toRight.add(conjunct);
            } else {
                condition.add(conjunct);
            }
        }
        if (inner) {
            for (Expression conjunct : condition) {
                addIfPresent(toLeft, impliedFor(conjunct, leftIds));
                addIfPresent(toRight, impliedFor(conjunct, rightIds));
            }
        }
        JoinType newType = type == JoinType.CROSS && !condition.isEmpty() ? JoinType.INNER : type;
        return join.with(pushInto(join.left(), toLeft), pushInto(join.right(), toRight), newType, Predicates.and(condition));
    }

    /**
     * What an OR over both sides of an inner join implies for one side, which can filter that side
     * while the OR stays in the join: each branch's conjuncts on the side alone, or-ed
     * ({@code (a1 AND b1) OR (a2 AND b2)} implies {@code a1 OR a2}); {@code null} when some branch
     * says nothing about the side. Spark infers the same (TPC-H Q19's filters on part and lineitem).
     */
    private static Expression impliedFor(Expression predicate, Set<ExprId> side) {
        if (!(predicate instanceof Or) || !predicate.deterministic()) {
            return null;
        }
        Expression implied = null;
        for (Expression branch : Predicates.disjuncts(predicate)) {
            List<Expression> own = new ArrayList<>();
            for (Expression conjunct : Predicates.conjuncts(branch)) {
                Set<ExprId> used = Predicates.references(conjunct);
                if (!used.isEmpty() && side.containsAll(used)) {
                    own.add(conjunct);
                }
            }
            if (own.isEmpty()) {
                return null;
            }
            implied = implied == null ? Predicates.and(own) : new Or(implied, Predicates.and(own));
        }
        return implied;
    }

    private static void addIfPresent(List<Expression> predicates, Expression predicate) {
        if (predicate != null) {
            predicates.add(predicate);
        }
    }
}
