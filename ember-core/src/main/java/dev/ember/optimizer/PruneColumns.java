package dev.ember.optimizer;

import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.NamedExpression;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.plan.logical.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads only the columns a query uses: walking down from the result, each node asks its children
 * for the columns it and its parent need, projections drop the items no one reads, and file scans
 * read just the remaining columns (a CSV reader then skips converting the others; a columnar format
 * skips reading them). Nodes that use their input's whole row (distinct, set operations) keep it.
 */
final class PruneColumns {
    private PruneColumns() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return prune(plan, Predicates.ids(plan.output()));
    }

    /** {@code plan} producing at least the {@code required} columns (its output may lose others). */
    private static LogicalPlan prune(LogicalPlan plan, Set<ExprId> required) {
        if (plan instanceof Project project) {
            List<Expression> kept = new ArrayList<>();
            for (Expression item : project.projectList()) {
                if (required.contains(((NamedExpression) item).exprId())) {
                    kept.add(item);
                }
            }
            return new Project(kept, prune(project.child(), Predicates.references(kept)));
        }
        if (plan instanceof Filter filter) {
            return new Filter(filter.condition(), prune(filter.child(), union(required, Predicates.references(filter.condition()))));
        }
        if (plan instanceof Sort sort) {
            return sort.withNewChildren(List.of(prune(sort.child(), union(required, Predicates.references(sort.order())))));
        }
        if (plan instanceof Limit || plan instanceof SubqueryAlias) {
            LogicalPlan child = plan.children().get(0);
            return plan.withNewChildren(List.of(prune(child, required)));
        }
        if (plan instanceof Window window) {
            return window.withNewChildren(List.of(prune(window.child(), union(required, Predicates.references(window.windowExpressions())))));
        }
        if (plan instanceof Join join) {
            Set<ExprId> needed = union(required, join.condition() == null ? Set.of() : Predicates.references(join.condition()));
            return join.with(prune(join.left(), needed), prune(join.right(), needed), join.joinType(), join.condition());
        }
        if (plan instanceof Aggregate aggregate) {
            // Every item stays (the output keeps its shape); the input needs only what the items read.
            List<Expression> used = new ArrayList<>(aggregate.groupings());
            used.addAll(aggregate.aggregates());
            return aggregate.withNewChildren(List.of(prune(aggregate.child(), Predicates.references(used))));
        }
        if (plan instanceof FileRelation relation) {
            return relation.withColumns(attribute -> required.contains(attribute.exprId()));
        }
        // Other nodes use their input's whole row.
        List<LogicalPlan> children = new ArrayList<>();
        for (LogicalPlan child : plan.children()) {
            Set<ExprId> needed = new HashSet<>(Predicates.ids(child.output()));
            children.add(prune(child, needed));
        }
        return plan.withNewChildren(children);
    }

    private static Set<ExprId> union(Set<ExprId> a, Set<ExprId> b) {
        Set<ExprId> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
