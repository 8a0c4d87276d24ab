package dev.ember.optimizer;

import dev.ember.expr.ExprId;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.JoinType;
import dev.ember.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Moves a semi or anti join below the join it filters, onto the side whose columns its condition
 * reads: {@code (a JOIN b) LEFT SEMI JOIN s ON a.k = s.k} becomes {@code (a LEFT SEMI JOIN s ON a.k
 * = s.k) JOIN b}, so that an IN or EXISTS subquery filters its table before the join instead of the
 * join's (often much larger) output, as Spark does (TPC-H Q18 joins 57 orders with lineitem instead
 * of 1.5 million). Only through joins that keep that side's rows as they are: either side of an
 * inner join, the preserved side of an outer join. {@link ReorderJoins} then moves one pushed onto
 * an input of inner joins up to where it and the joins below it read fewest rows.
 */
final class PushSemiJoins {
    private PushSemiJoins() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        List<LogicalPlan> children = new ArrayList<>();
        for (LogicalPlan child : plan.children()) {
            children.add(apply(child));
        }
        LogicalPlan rebuilt = plan.withNewChildren(children);
        return rebuilt instanceof Join join ? pushed(join) : rebuilt;
    }

    private static LogicalPlan pushed(Join semi) {
        if ((semi.joinType() != JoinType.LEFT_SEMI && semi.joinType() != JoinType.LEFT_ANTI) || !(semi.left() instanceof Join below)
                || semi.condition() == null || !semi.condition().deterministic()) {
            return semi;
        }
        Set<ExprId> used = Predicates.references(semi.condition());
        used.retainAll(Predicates.ids(below.output()));
        if (used.isEmpty()) {
            return semi;
        }
        JoinType type = below.joinType();
        boolean inner = type == JoinType.INNER || type == JoinType.CROSS;
        if ((inner || type == JoinType.LEFT_OUTER) && Predicates.ids(below.left().output()).containsAll(used)) {
            return below.with(pushed(semi.with(below.left(), semi.right(), semi.joinType(), semi.condition())), below.right(), type,
                    below.condition());
        }
        if ((inner || type == JoinType.RIGHT_OUTER) && Predicates.ids(below.right().output()).containsAll(used)) {
            return below.with(below.left(), pushed(semi.with(below.right(), semi.right(), semi.joinType(), semi.condition())), type,
                    below.condition());
        }
        return semi;
    }
}
