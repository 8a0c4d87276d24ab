package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Casts;
import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import dev.ember.plan.logical.Distinct;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Sort;
import java.util.Locale;

/**
 * Spark's check that sort keys have an order: maps (also inside structs and arrays) have none, so
 * ORDER BY and DISTINCT over them fail at analysis. (Spark 4 does group maps, by their entries.)
 */
final class OrderableTypes {
    private OrderableTypes() {
    }

    static LogicalPlan check(LogicalPlan plan) {
        for (LogicalPlan child : plan.children()) {
            check(child);
        }
        if (plan instanceof Sort sort) {
            for (SortOrder order : sort.order()) {
                if (TypeCoercion.holdsMap(order.child().dataType())) {
                    throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + order.child() + " ASC NULLS FIRST\"",
                            "detail", "sort operation does not support the " + typeName(order.child()) + " type");
                }
            }
        } else if (plan instanceof Distinct) {
            for (AttributeReference column : plan.output()) {
                if (TypeCoercion.holdsMap(column.dataType())) {
                    throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "Cannot have MAP type columns in DataFrame which "
                            + "calls set operations (INTERSECT, EXCEPT, etc.), but the type of column `" + column.name() + "` is "
                            + Casts.toSqlType(column.dataType()));
                }
            }
        }
        return plan;
    }

    private static String typeName(Expression expression) {
        return "\"" + expression.dataType().simpleString().toUpperCase(Locale.ROOT) + "\"";
    }
}
