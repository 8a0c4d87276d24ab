package dev.ember.optimizer;

import dev.ember.expr.And;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.In;
import dev.ember.expr.IsNull;
import dev.ember.expr.Literal;
import dev.ember.expr.Not;
import dev.ember.expr.Or;
import dev.ember.plan.logical.FileRelation;
import dev.ember.plan.logical.Filter;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.source.SourceFilter;
import dev.ember.source.SourceFilter.Compare;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the conjuncts of a filter directly above a file scan that compare a column with literals
 * to the scan as {@link SourceFilter}s, so that a format with statistics (Parquet) can skip data
 * that cannot match. The filter itself stays: pushed filters only skip, they never decide a row.
 */
final class PushFiltersToScans {
    private PushFiltersToScans() {
    }

    static LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof Filter filter && filter.child() instanceof FileRelation relation) {
                List<SourceFilter> pushed = new ArrayList<>();
                for (Expression conjunct : Predicates.conjuncts(filter.condition())) {
                    SourceFilter translated = translate(conjunct, relation);
                    if (translated != null) {
                        pushed.add(translated);
                    }
                }
                return pushed.isEmpty() ? filter : new Filter(filter.condition(), relation.withPushedFilters(pushed));
            }
            return node;
        });
    }

    /** The source filter that means {@code predicate}, or null when there is none. */
    static SourceFilter translate(Expression predicate, FileRelation relation) {
        if (predicate instanceof And and) {
            SourceFilter left = translate(and.left(), relation);
            SourceFilter right = translate(and.right(), relation);
            return left == null || right == null ? null : new SourceFilter.And(left, right);
        }
        if (predicate instanceof Or or) {
            SourceFilter left = translate(or.left(), relation);
            SourceFilter right = translate(or.right(), relation);
            return left == null || right == null ? null : new SourceFilter.Or(left, right);
        }
        if (predicate instanceof Not not) {
            SourceFilter child = translate(not.child(), relation);
            return child == null ? null : new SourceFilter.Not(child);
        }
        if (predicate instanceof IsNull isNull) {
            String column = column(isNull.child(), relation);
            return column == null ? null : new SourceFilter.IsNull(column, isNull.negated());
        }
        if (predicate instanceof In in) {
            String column = column(in.value(), relation);
            List<Object> values = new ArrayList<>();
            for (Expression item : in.list()) {
                Object value = value(item, in.value());
                if (value == null) {
                    return null;
                }
                values.add(value);
            }
            return column == null ? null : new SourceFilter.In(column, values);
        }
        if (predicate instanceof Comparison comparison) {
            Comparison.Operator operator = comparison.operator();
            Expression columnSide = comparison.left();
            Expression literalSide = comparison.right();
            if (comparison.left() instanceof Literal) {
                operator = operator.flip();
                columnSide = comparison.right();
                literalSide = comparison.left();
            }
            String column = column(columnSide, relation);
            Object value = value(literalSide, columnSide);
            if (column == null || value == null) {
                return null;
            }
            return switch (operator) {
                case EQUAL, NULL_SAFE_EQUAL -> new SourceFilter.EqualTo(column, value);
                case NOT_EQUAL -> new SourceFilter.Not(new SourceFilter.EqualTo(column, value));
                case LESS_THAN -> new Compare(Compare.Op.LESS_THAN, column, value);
                case LESS_THAN_OR_EQUAL -> new Compare(Compare.Op.LESS_THAN_OR_EQUAL, column, value);
                case GREATER_THAN -> new Compare(Compare.Op.GREATER_THAN, column, value);
                case GREATER_THAN_OR_EQUAL -> new Compare(Compare.Op.GREATER_THAN_OR_EQUAL, column, value);
            };
        }
        return null;
    }

    private static String column(Expression expression, FileRelation relation) {
        return expression instanceof AttributeReference attribute ? relation.columnName(attribute) : null;
    }

    /** The non-null value of a literal of the column's own type (implicit casts change how values compare). */
    private static Object value(Expression expression, Expression column) {
        return expression instanceof Literal literal && !literal.isNull() && literal.dataType().equals(column.dataType())
                ? literal.value() : null;
    }
}
