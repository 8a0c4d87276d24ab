package dev.ember.optimizer;

import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.Limit;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Range;
import dev.ember.plan.logical.Sort;
import dev.ember.plan.logical.SubqueryAlias;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Columns taken to hold each value at most once in a plan's rows, so that an equi-join on one matches
 * at most one row: a range's values, an aggregation's only grouping column; of a file, an integral
 * column whose statistics' bounds are exactly as far apart as it has non-null rows, and its first
 * column unless the statistics leave no room for that (tables usually start with their primary key:
 * TPC-H's all do but lineitem and partsupp, whose first columns have fewer values than rows). Filters
 * keep them, projections keep and rename them.
 */
final class UniqueKeys {
    private UniqueKeys() {
    }

    static Set<ExprId> of(LogicalPlan plan) {
        if (plan instanceof FileRelation relation) {
            Map<ExprId, ColumnEstimate> columns = ColumnEstimate.of(relation);
            Set<ExprId> keys = new HashSet<>();
            columns.forEach((id, column) -> {
                if (column.dense()) {
                    keys.add(id);
                }
            });
            if (relation.columns().length > 0 && relation.columns()[0] == 0) {
                ExprId first = relation.output().get(0).exprId();
                if (!columns.containsKey(first) || columns.get(first).roomForUnique()) {
                    keys.add(first);
                }
            }
            return keys;
        }
        if (plan instanceof Range range) {
            return Set.of(range.output().get(0).exprId());
        }
        if (plan instanceof Aggregate aggregate) {
            return aggregate.groupings().size() == 1 && aggregate.groupings().get(0) instanceof AttributeReference grouping
                    && Predicates.ids(aggregate.output()).contains(grouping.exprId()) ? Set.of(grouping.exprId()) : Set.of();
        }
        if (plan instanceof Project project) {
            Set<ExprId> below = of(project.child());
            Set<ExprId> kept = new HashSet<>();
            for (Expression expression : project.projectList()) {
                if (expression instanceof AttributeReference attribute && below.contains(attribute.exprId())) {
                    kept.add(attribute.exprId());
                } else if (expression instanceof Alias alias && alias.child() instanceof AttributeReference attribute
                        && below.contains(attribute.exprId())) {
                    kept.add(alias.exprId());
                }
            }
            return kept;
        }
        if (plan instanceof Filter || plan instanceof SubqueryAlias || plan instanceof Sort || plan instanceof Limit
                || plan instanceof Join join && (join.joinType().semiOrAnti() && join.joinType().outputsLeft())) {
            return of(plan.children().get(0));
        }
        return Set.of();
    }
}
