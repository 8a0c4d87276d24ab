package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.GroupingBit;
import dev.ember.expr.GroupingSets;
import dev.ember.expr.Literal;
import dev.ember.expr.NamedExpression;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.GroupingFunction;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.Expand;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.AtomicType;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands resolved aggregates grouped by ROLLUP / CUBE / GROUPING SETS as Spark does: an
 * {@link Expand} repeats each row once per grouping set, with the input columns, a nullable copy
 * of each grouping column (NULL where the set leaves it out) and the set's grouping id; the
 * aggregate then groups by the copies and the id. Aggregate functions keep reading the input
 * columns; {@code grouping(col)} and {@code grouping_id()} read the id.
 */
final class GroupingAnalytics {
    private GroupingAnalytics() {
    }

    /** Every aggregate of the (resolved) plan expanded. */
    static LogicalPlan expandAll(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Aggregate aggregate ? expand(aggregate) : node);
    }

    static LogicalPlan expand(Aggregate aggregate) {
        List<Expression> groupings = aggregate.groupings();
        if (groupings.isEmpty() || !(groupings.get(groupings.size() - 1) instanceof GroupingSets sets)) {
            for (Expression item : aggregate.aggregates()) {
                if (!item.collect(GroupingFunction.class).isEmpty()) {
                    throw EmberException.of(ErrorClass.UNSUPPORTED_GROUPING_EXPRESSION);
                }
            }
            return aggregate;
        }
        // The grouping columns once each (the same column may appear in several sets or items).
        List<Expression> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int[] columnOf = new int[groupings.size() - 1];
        for (int g = 0; g < columnOf.length; g++) {
            String key = Expressions.canonical(groupings.get(g));
            if (!keys.contains(key)) {
                keys.add(key);
                columns.add(groupings.get(g));
            }
            columnOf[g] = keys.indexOf(key);
        }
        int n = columns.size();
        List<AttributeReference> copies = new ArrayList<>();
        for (Expression column : columns) {
            String name = column instanceof NamedExpression named ? named.name() : column.toString();
            copies.add(AttributeReference.create(name, column.dataType(), true));
        }
        AttributeReference groupingId = AttributeReference.create("spark_grouping_id", AtomicType.LONG, false);

        // Repeated sets give repeated groups, as in Spark: the set's position then becomes a grouping column too.
        boolean repeated = sets.sets().stream().map(set -> set.stream().map(g -> columnOf[g]).distinct().sorted().toList())
                .distinct().count() < sets.sets().size();
        AttributeReference position = AttributeReference.create("_gen_grouping_pos", AtomicType.INT, false);

        LogicalPlan child = aggregate.child();
        List<List<Expression>> projections = new ArrayList<>();
        for (List<Integer> set : sets.sets()) {
            boolean[] in = new boolean[n];
            set.forEach(g -> in[columnOf[g]] = true);
            List<Expression> projection = new ArrayList<>(child.output());
            long id = 0;
            for (int c = 0; c < n; c++) {
                projection.add(in[c] ? columns.get(c) : new Literal(null, columns.get(c).dataType()));
                id |= in[c] ? 0 : 1L << (n - 1 - c);
            }
            projection.add(Literal.of(id));
            if (repeated) {
                projection.add(Literal.of(projections.size()));
            }
            projections.add(projection);
        }
        List<AttributeReference> expandOutput = new ArrayList<>(child.output());
        expandOutput.addAll(copies);
        expandOutput.add(groupingId);
        if (repeated) {
            expandOutput.add(position);
        }
        Expand expand = new Expand(projections, expandOutput, child);

        List<Expression> items = new ArrayList<>();
        for (Expression item : aggregate.aggregates()) {
            NamedExpression named = (NamedExpression) item;
            Expression body = item instanceof Alias alias ? alias.child() : item;
            Expression rewritten = rewrite(body, keys, copies, groupingId);
            items.add(rewritten == body ? item : new Alias(rewritten, named.name(), named.exprId()));
        }
        List<Expression> newGroupings = new ArrayList<>(copies);
        newGroupings.add(groupingId);
        if (repeated) {
            newGroupings.add(position);
        }
        return new Aggregate(newGroupings, items, expand);
    }

    /** Grouping columns read their copies and grouping functions the id; aggregate functions keep their input. */
    private static Expression rewrite(Expression e, List<String> keys, List<AttributeReference> copies, AttributeReference groupingId) {
        if (e instanceof GroupingFunction function) {
            if (function.isId()) {
                return groupingId;
            }
            int column = keys.indexOf(Expressions.canonical(function.arguments().get(0)));
            if (column < 0) {
                throw EmberException.of(ErrorClass.GROUPING_COLUMN_MISMATCH, "grouping", function.arguments().get(0).toString(),
                        "groupingColumns", String.join(",", copies.stream().map(AttributeReference::name).toList()));
            }
            return new GroupingBit(groupingId, copies.size() - 1 - column, function.toString());
        }
        if (e instanceof AggregateFunction) {
            return e;
        }
        int column = keys.indexOf(Expressions.canonical(e));
        if (column >= 0) {
            return copies.get(column);
        }
        List<Expression> children = new ArrayList<>();
        for (Expression child : e.children()) {
            children.add(rewrite(child, keys, copies, groupingId));
        }
        return e.withNewChildren(children);
    }
}
