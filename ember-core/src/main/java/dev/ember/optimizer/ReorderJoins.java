package dev.ember.optimizer;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders a tree of inner joins so that each relation joins one it has a condition with, in the
 * written order where possible: {@code FROM part, supplier, lineitem WHERE p = l AND s = l} joins
 * part with lineitem first instead of building the part x supplier cross product. Each condition
 * goes to the lowest join that has all its columns. Statistics-based ordering comes later.
 */
final class ReorderJoins {
    private ReorderJoins() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        if (!innerJoin(plan)) {
            List<LogicalPlan> children = new ArrayList<>();
            for (LogicalPlan child : plan.children()) {
                children.add(apply(child));
            }
            return plan.withNewChildren(children);
        }
        List<LogicalPlan> leaves = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        flatten(plan, leaves, conditions);
        List<LogicalPlan> ordered = order(leaves, conditions);
        LogicalPlan joined = ordered.get(0);
        List<Expression> pending = new ArrayList<>(conditions);
        for (LogicalPlan next : ordered.subList(1, ordered.size())) {
            Set<ExprId> available = Predicates.ids(joined.output());
            available.addAll(Predicates.ids(next.output()));
            List<Expression> applicable = new ArrayList<>();
            pending.removeIf(c -> available.containsAll(Predicates.references(c)) && applicable.add(c));
            joined = new Join(joined, next, applicable.isEmpty() ? JoinType.CROSS : JoinType.INNER, Predicates.and(applicable));
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("join conditions over columns of no input: " + pending);
        }
        List<AttributeReference> output = plan.output();
        return joined.output().equals(output) ? joined : new Project(new ArrayList<>(output), joined);
    }

    private static boolean innerJoin(LogicalPlan plan) {
        return plan instanceof Join join && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.CROSS);
    }

    private static void flatten(LogicalPlan plan, List<LogicalPlan> leaves, List<Expression> conditions) {
        if (innerJoin(plan)) {
            Join join = (Join) plan;
            flatten(join.left(), leaves, conditions);
            flatten(join.right(), leaves, conditions);
            conditions.addAll(Predicates.conjuncts(join.condition()));
        } else {
            leaves.add(apply(plan));
        }
    }

    /** Greedy: next is the first remaining relation connected to those already joined, else the first remaining. */
    private static List<LogicalPlan> order(List<LogicalPlan> leaves, List<Expression> conditions) {
        List<LogicalPlan> remaining = new ArrayList<>(leaves);
        List<LogicalPlan> ordered = new ArrayList<>();
        Set<ExprId> joined = new HashSet<>();
        while (!remaining.isEmpty()) {
            LogicalPlan next = ordered.isEmpty() ? remaining.get(0) : remaining.stream()
                    .filter(candidate -> connected(joined, Predicates.ids(candidate.output()), conditions))
                    .findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            ordered.add(next);
            joined.addAll(Predicates.ids(next.output()));
        }
        return ordered;
    }

    private static boolean connected(Set<ExprId> joined, Set<ExprId> candidate, List<Expression> conditions) {
        for (Expression condition : conditions) {
            Set<ExprId> used = Predicates.references(condition);
            Set<ExprId> both = new HashSet<>(joined);
            both.addAll(candidate);
            if (both.containsAll(used) && used.stream().anyMatch(joined::contains) && used.stream().anyMatch(candidate::contains)) {
                return true;
            }
        }
        return false;
    }
}
