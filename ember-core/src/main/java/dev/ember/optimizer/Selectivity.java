package dev.ember.optimizer;

import dev.ember.expr.And;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Cast;
import dev.ember.expr.Comparison;
import dev.ember.expr.ExprId;
import dev.ember.expr.Expression;
import dev.ember.expr.In;
import dev.ember.expr.IsNull;
import dev.ember.expr.Like;
import dev.ember.expr.Literal;
import dev.ember.expr.Not;
import dev.ember.expr.Or;
import dev.ember.expr.function.ReplacedCall;
import java.util.HashMap;
import java.util.Map;

/**
 * The share of rows a condition keeps. Comparisons of a column with literals use the column's
 * statistics where it has them: a range keeps its overlap with the column's bounds (values spread
 * evenly between them; the conjuncts on one column as one interval), an equality one of the column's
 * distinct values ({@link ColumnEstimate#distinct()}); neither keeps less than one row of the table. Other
 * predicates, and columns without statistics, keep fixed shares by their kind.
 */
final class Selectivity {
    static final double EQUALITY = 0.1;
    private static final double RANGE = 1.0 / 3;
    private static final double PATTERN = 0.25;
    private static final double OTHER = 0.5;
    /** Without statistics of any column. */
    static final Selectivity FIXED = new Selectivity(Map.of());

    private final Map<ExprId, ColumnEstimate> columns;

    Selectivity(Map<ExprId, ColumnEstimate> columns) {
        this.columns = columns;
    }

    double of(Expression condition) {
        if (condition instanceof ReplacedCall call) {
            return of(call.replacement());
        }
        if (condition instanceof And) {
            return conjunction(condition);
        }
        if (condition instanceof Or or) {
            double left = of(or.left());
            double right = of(or.right());
            return left + right - left * right;
        }
        if (condition instanceof Not not) {
            return 1 - of(not.child());
        }
        if (condition instanceof Comparison comparison) {
            Bound bound = bound(comparison);
            return switch (comparison.operator()) {
                case EQUAL, NULL_SAFE_EQUAL -> equality(bound);
                case NOT_EQUAL -> 1 - equality(bound);
                default -> bound == null ? RANGE : new Interval().with(bound).share(bound.column);
            };
        }
        if (condition instanceof In in) {
            ColumnEstimate column = column(in.value());
            double distinct = column == null ? Double.NaN : column.distinct();
            return Double.isNaN(distinct) ? Math.min(OTHER, EQUALITY * in.list().size())
                    : clamp(in.list().size() / distinct * column.nonNullRows() / column.tableRows(), column);
        }
        if (condition instanceof IsNull isNull) {
            ColumnEstimate column = column(isNull.child());
            double nulls = column == null || column.statistics().nullCount() < 0 ? EQUALITY
                    : column.statistics().nullCount() / Math.max(1, column.tableRows());
            return isNull.negated() ? 1 - nulls : nulls;
        }
        if (condition instanceof Like) {
            return PATTERN;
        }
        return OTHER;
    }

    /** The conjuncts' shares multiplied, but those bounding one column with literals taken together as one interval. */
    private double conjunction(Expression condition) {
        Map<ExprId, Interval> intervals = new HashMap<>();
        double share = 1;
        for (Expression conjunct : Predicates.conjuncts(condition)) {
            Bound bound = conjunct instanceof Comparison comparison && ranged(comparison.operator()) ? bound(comparison) : null;
            if (bound == null) {
                share *= of(conjunct);
            } else {
                intervals.computeIfAbsent(bound.id, id -> new Interval()).with(bound);
            }
        }
        for (Map.Entry<ExprId, Interval> interval : intervals.entrySet()) {
            share *= interval.getValue().share(columns.get(interval.getKey()));
        }
        return share;
    }

    private static boolean ranged(Comparison.Operator operator) {
        return switch (operator) {
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> true;
            default -> false;
        };
    }

    private double equality(Bound bound) {
        if (bound == null) {
            return EQUALITY;
        }
        ColumnEstimate column = bound.column;
        if (column.hasBounds() && (bound.value < column.low() || bound.value > column.high())) {
            return clamp(0, column);
        }
        double distinct = column.distinct();
        return clamp(Double.isNaN(distinct) ? EQUALITY : column.nonNullRows() / column.tableRows() / distinct, column);
    }

    /** At least one row of the table, at most all. */
    private static double clamp(double share, ColumnEstimate column) {
        return Math.max(1 / Math.max(1, column.tableRows()), Math.min(1, share));
    }

    /** A column with statistics compared with a literal, as {@code column operator value}, or null. */
    private Bound bound(Comparison comparison) {
        Comparison.Operator operator = comparison.operator();
        Expression columnSide = comparison.left();
        Expression literalSide = comparison.right();
        if (columnSide instanceof Literal) {
            operator = operator.flip();
            columnSide = comparison.right();
            literalSide = comparison.left();
        }
        ColumnEstimate column = column(columnSide);
        if (column == null || !(literalSide instanceof Literal literal) || literal.isNull()) {
            return null;
        }
        return new Bound(((AttributeReference) unwrap(columnSide)).exprId(), column, operator, ColumnEstimate.position(literal.value()));
    }

    /** The statistics of a column, seen through implicit casts (which keep the order of values), or null. */
    private ColumnEstimate column(Expression expression) {
        return unwrap(expression) instanceof AttributeReference attribute ? columns.get(attribute.exprId()) : null;
    }

    private static Expression unwrap(Expression expression) {
        Expression unwrapped = expression;
        while (unwrapped instanceof Cast cast && cast.isImplicit()) {
            unwrapped = cast.child();
        }
        return unwrapped;
    }

    /** {@code column operator value}, the value a position on the column's line (NaN for unordered types). */
    private record Bound(ExprId id, ColumnEstimate column, Comparison.Operator operator, double value) {
    }

    /** The values the range comparisons on one column let through. */
    private static final class Interval {
        private double low = Double.NEGATIVE_INFINITY;
        private double high = Double.POSITIVE_INFINITY;
        private boolean lowOpen;
        private boolean highOpen;
        private boolean unordered;

        Interval with(Bound bound) {
            unordered |= Double.isNaN(bound.value);
            switch (bound.operator) {
                case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                    if (bound.value > low || bound.value == low && bound.operator == Comparison.Operator.GREATER_THAN) {
                        low = bound.value;
                        lowOpen = bound.operator == Comparison.Operator.GREATER_THAN;
                    }
                }
                case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                    if (bound.value < high || bound.value == high && bound.operator == Comparison.Operator.LESS_THAN) {
                        high = bound.value;
                        highOpen = bound.operator == Comparison.Operator.LESS_THAN;
                    }
                }
                default -> throw new IllegalArgumentException("not a range: " + bound.operator);
            }
            return this;
        }

        /** The share of the column's rows within the interval, values spread evenly between its bounds. */
        double share(ColumnEstimate column) {
            if (unordered || !column.hasBounds()) {
                return Math.pow(RANGE, (low > Double.NEGATIVE_INFINITY ? 1 : 0) + (high < Double.POSITIVE_INFINITY ? 1 : 0));
            }
            double min = column.low();
            double max = column.high();
            double share;
            if (column.integral()) {
                double from = Math.max(min, lowOpen ? Math.floor(low) + 1 : Math.ceil(low));
                double to = Math.min(max, highOpen ? Math.ceil(high) - 1 : Math.floor(high));
                share = (to - from + 1) / (max - min + 1);
            } else {
                double from = Math.max(min, low);
                double to = Math.min(max, high);
                share = to < from ? 0 : max == min ? 1 : (to - from) / (max - min);
            }
            return clamp(share * column.nonNullRows() / Math.max(1, column.tableRows()), column);
        }
    }
}
