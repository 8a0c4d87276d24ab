package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Alias;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.Comparison;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.IntervalLiteral;
import dev.ember.expr.Literal;
import dev.ember.expr.SortOrder;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.window.RangeBound;
import dev.ember.expr.window.WindowExpression;
import dev.ember.expr.window.WindowFrame;
import dev.ember.expr.window.WindowFunction;
import dev.ember.plan.logical.Aggregate;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Window;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Moves the window expressions of a SELECT into {@link Window} nodes, one per distinct PARTITION BY
 * and ORDER BY, below a projection that reads their results. In an aggregate query the windows
 * run over the aggregate's result: what their arguments and specifications need (grouping keys,
 * aggregates such as {@code sum(v)} in {@code rank() OVER (ORDER BY sum(v))}) is computed by the
 * aggregate first.
 */
final class WindowExtraction {
    private final List<List<Expression>> windows = new ArrayList<>();

    private WindowExtraction() {
    }

    static boolean containsWindow(Expression expression) {
        return expression.anyMatch(e -> e instanceof WindowExpression);
    }

    /** Checks a resolved window expression and gives it the frame Spark would. */
    static WindowExpression validate(WindowExpression window) {
        Expression function = window.function();
        if (function instanceof AggregateFunction aggregate) {
            if (aggregate.distinct()) {
                throw EmberException.of(ErrorClass.DISTINCT_WINDOW_FUNCTION_UNSUPPORTED, "windowExpr", "\"" + window.withDefaultFrame() + "\"");
            }
        } else if (!(function instanceof WindowFunction)) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_EXPR_FOR_WINDOW, "sqlExpr", "\"" + function + "\"");
        } else if (((WindowFunction) function).requiresOrder() && window.orderBy().isEmpty()) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "window function " + function
                    + " without ORDER BY in its window; add ORDER BY to the OVER clause");
        }
        WindowExpression framed = window.withDefaultFrame();
        WindowFrame frame = framed.frame();
        boolean bothOffsets = frame.lower() != WindowFrame.UNBOUNDED_PRECEDING && frame.upper() != WindowFrame.UNBOUNDED_FOLLOWING;
        if (frame.lower() == WindowFrame.UNBOUNDED_FOLLOWING || frame.upper() == WindowFrame.UNBOUNDED_PRECEDING
                || bothOffsets && frame.lower() > frame.upper()) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + frame + "\"",
                    "detail", "The lower bound of a window frame must be less than or equal to the upper bound");
        }
        return frame.hasValueBounds() ? withRangeBounds(framed) : framed;
    }

    /**
     * A RANGE frame with value offsets gets, per such bound, the ORDER BY key moved by the offset:
     * toward smaller keys for a PRECEDING bound of an ascending order, larger for a descending one.
     * As in Spark, it needs exactly one ORDER BY key, numeric or a date or timestamp, and a constant offset.
     */
    private static WindowExpression withRangeBounds(WindowExpression window) {
        WindowFrame frame = window.frame();
        if (window.orderBy().size() != 1) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + frame + "\"",
                    "detail", window.orderBy().isEmpty() ? "A range window frame cannot be used in an unordered window specification"
                            : "A range window frame with value boundaries cannot be used in a window specification with multiple"
                            + " order by expressions: " + window.orderBy());
        }
        SortOrder order = window.orderBy().get(0);
        DataType keyType = order.child().dataType();
        if (!keyType.isNumeric() && keyType != AtomicType.DATE && keyType != AtomicType.TIMESTAMP) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + frame + "\"",
                    "detail", "The data type of the bound does not match the expected data type (\"NUMERIC\" or \"INTERVAL DAY TO SECOND\""
                            + " or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\") for the ORDER BY type \""
                            + keyType.simpleString().toUpperCase(Locale.ROOT) + "\"");
        }
        return window.withBounds(rangeBound(order, frame.lowerValue(), frame.lower(), frame),
                rangeBound(order, frame.upperValue(), frame.upper(), frame));
    }

    private static RangeBound rangeBound(SortOrder order, Expression offset, long direction, WindowFrame frame) {
        if (offset == null) {
            return null;
        }
        if (!offset.foldable() && !(offset instanceof IntervalLiteral)) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + frame + "\"",
                    "detail", "Window frame bound " + offset + " is not a literal");
        }
        boolean towardSmaller = (direction == WindowFrame.VALUE_PRECEDING) == order.ascending();
        Expression key = order.child();
        Expression bound = TypeCoercion.coerce(new Arithmetic(towardSmaller ? Arithmetic.Operator.SUBTRACT : Arithmetic.Operator.ADD,
                key, offset));
        Expression compared = TypeCoercion.coerce(new Comparison(Comparison.Operator.LESS_THAN_OR_EQUAL, key, bound));
        return new RangeBound(compared.children().get(0), compared.children().get(1));
    }

    /** A window function outside any OVER clause is an error. */
    static void requireOver(Expression item) {
        Expression withoutWindows = item.transformDown(e -> e instanceof WindowExpression ? Literal.NULL : e);
        for (WindowFunction function : withoutWindows.collect(WindowFunction.class)) {
            throw EmberException.of(ErrorClass.WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE, "funcName", "\"" + function + "\"");
        }
    }

    /** {@code SELECT items FROM child} whose items hold window expressions. */
    static LogicalPlan project(List<Expression> items, LogicalPlan child) {
        WindowExtraction extraction = new WindowExtraction();
        List<Expression> projected = new ArrayList<>();
        for (Expression item : items) {
            projected.add(extraction.replaceWindows(item, UnaryOperator.identity()));
        }
        return new Project(projected, extraction.windowsOver(child));
    }

    /** An aggregate whose items hold window expressions: aggregate first, then the windows, then the items. */
    static LogicalPlan aggregate(Aggregate aggregate) {
        List<String> groupingKeys = aggregate.groupings().stream().map(Expressions::canonical).toList();
        Map<String, Alias> computed = new LinkedHashMap<>();
        UnaryOperator<Expression> lift = expression -> expression.transformDown(e -> {
            if (e instanceof AggregateFunction || groupingKeys.contains(Expressions.canonical(e))) {
                return computed.computeIfAbsent(Expressions.canonical(e), key -> new Alias(e, e.toString())).toAttribute();
            }
            return e;
        });
        WindowExtraction extraction = new WindowExtraction();
        List<Expression> projected = new ArrayList<>();
        for (Expression item : aggregate.aggregates()) {
            projected.add(extraction.replaceWindows(item, lift));
        }
        Aggregate inner = new Aggregate(aggregate.groupings(), new ArrayList<>(computed.values()), aggregate.child());
        return new Project(projected, extraction.windowsOver(inner));
    }

    /**
     * The item with each window expression replaced by the column a Window node computes, and every
     * other part mapped by {@code lift} (which makes it readable above an aggregate).
     */
    private Expression replaceWindows(Expression item, UnaryOperator<Expression> lift) {
        if (item instanceof Alias alias) {
            return new Alias(replaceWindows(alias.child(), lift), alias.name(), alias.exprId());
        }
        if (item instanceof WindowExpression window) {
            Expression function = window.function();
            List<Expression> arguments = function.children().stream().map(lift).toList();
            List<Expression> partitionBy = window.partitionBy().stream().map(lift).toList();
            List<SortOrder> orderBy = window.orderBy().stream()
                    .map(order -> new SortOrder(lift.apply(order.child()), order.ascending(), order.nullsFirst())).toList();
            WindowExpression lifted = new WindowExpression(function.withNewChildren(arguments), partitionBy, orderBy, window.frame(),
                    liftBound(window.lowerBound(), lift), liftBound(window.upperBound(), lift));
            return add(new Alias(lifted, window.toString()));
        }
        if (item instanceof AttributeReference || item.children().isEmpty()) {
            return lift.apply(item);
        }
        if (!containsWindow(item)) {
            return lift.apply(item);
        }
        return item.withNewChildren(item.children().stream().map(child -> replaceWindows(child, lift)).toList());
    }

    private static RangeBound liftBound(RangeBound bound, UnaryOperator<Expression> lift) {
        return bound == null ? null : new RangeBound(lift.apply(bound.key()), lift.apply(bound.bound()));
    }

    private AttributeReference add(Alias alias) {
        WindowExpression window = (WindowExpression) alias.child();
        for (List<Expression> group : windows) {
            if (windowKey((WindowExpression) ((Alias) group.get(0)).child()).equals(windowKey(window))) {
                group.add(alias);
                return alias.toAttribute();
            }
        }
        List<Expression> group = new ArrayList<>();
        group.add(alias);
        windows.add(group);
        return alias.toAttribute();
    }

    /** Equal for windows that partition and order rows alike (by column identity), so one operator computes both. */
    private static String windowKey(WindowExpression window) {
        StringBuilder key = new StringBuilder();
        window.partitionBy().forEach(e -> key.append(Expressions.canonical(e)).append(','));
        key.append('|');
        window.orderBy().forEach(e -> key.append(Expressions.canonical(e)).append(','));
        return key.toString();
    }

    private LogicalPlan windowsOver(LogicalPlan child) {
        LogicalPlan plan = child;
        for (List<Expression> group : windows) {
            plan = new Window(group, plan);
        }
        return plan;
    }
}
