package dev.ember.expr.window;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code function OVER (PARTITION BY ... ORDER BY ... frame)}. The function is a window function or
 * an aggregate; the frame is {@code null} until the analyzer gives it the default Spark uses.
 * A RANGE frame with value offsets also gets, from the analyzer, a {@link RangeBound} per such bound
 * (children of this expression, so that they follow every rewrite of the ORDER BY key).
 * The analyzer moves these expressions into {@code Window} plan nodes.
 */
public final class WindowExpression extends Expression {
    private static final long serialVersionUID = 1L;

    private final Expression function;
    private final List<Expression> partitionBy;
    private final List<SortOrder> orderBy;
    private final WindowFrame frame;
    private final RangeBound lowerBound;
    private final RangeBound upperBound;

    public WindowExpression(Expression function, List<Expression> partitionBy, List<SortOrder> orderBy, WindowFrame frame) {
        this(function, partitionBy, orderBy, frame, null, null);
    }

    public WindowExpression(Expression function, List<Expression> partitionBy, List<SortOrder> orderBy, WindowFrame frame,
            RangeBound lowerBound, RangeBound upperBound) {
        this.function = requireNonNull(function, "function is null");
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
        this.frame = frame;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    public Expression function() {
        return function;
    }

    public List<Expression> partitionBy() {
        return partitionBy;
    }

    public List<SortOrder> orderBy() {
        return orderBy;
    }

    /** The frame, or {@code null} when the OVER clause gave none and the analyzer has not chosen it yet. */
    public WindowFrame frame() {
        return frame;
    }

    /** The lower bound of a RANGE frame whose lower bound is a value offset, once analyzed; else {@code null}. */
    public RangeBound lowerBound() {
        return lowerBound;
    }

    /** The upper bound of a RANGE frame whose upper bound is a value offset, once analyzed; else {@code null}. */
    public RangeBound upperBound() {
        return upperBound;
    }

    /** The same window with the bounds of its value offsets. */
    public WindowExpression withBounds(RangeBound lower, RangeBound upper) {
        return new WindowExpression(function, partitionBy, orderBy, frame, lower, upper);
    }

    /** The frame the function computes over: fixed for ranking and offset functions, else as written or defaulted. */
    public WindowExpression withDefaultFrame() {
        WindowFrame effective = function instanceof WindowFunction windowFunction ? windowFunction.frame()
                : frame != null ? frame : orderBy.isEmpty() ? WindowFrame.WHOLE_PARTITION : WindowFrame.RUNNING;
        return effective.equals(frame) ? this : new WindowExpression(function, partitionBy, orderBy, effective, lowerBound, upperBound);
    }

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>();
        children.add(function);
        children.addAll(partitionBy);
        children.addAll(orderBy);
        if (lowerBound != null) {
            children.add(lowerBound);
        }
        if (upperBound != null) {
            children.add(upperBound);
        }
        return children;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        if (sameChildren(children(), children)) {
            return this;
        }
        int p = partitionBy.size();
        int o = orderBy.size();
        List<SortOrder> order = children.subList(1 + p, 1 + p + o).stream().map(SortOrder.class::cast).toList();
        int next = 1 + p + o;
        RangeBound lower = lowerBound == null ? null : (RangeBound) children.get(next++);
        RangeBound upper = upperBound == null ? null : (RangeBound) children.get(next);
        return new WindowExpression(children.get(0), children.subList(1, 1 + p), order, frame, lower, upper);
    }

    @Override
    public DataType dataType() {
        return function.dataType();
    }

    @Override
    public boolean nullable() {
        return function.nullable() || function instanceof AggregateFunction;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!partitionBy.isEmpty()) {
            parts.add(partitionBy.stream().map(Object::toString).collect(Collectors.joining(", ", "PARTITION BY ", "")));
        }
        if (!orderBy.isEmpty()) {
            parts.add(orderBy.stream().map(Object::toString).collect(Collectors.joining(", ", "ORDER BY ", "")));
        }
        if (frame != null) {
            parts.add(frame.toString());
        }
        return function + " OVER (" + String.join(" ", parts) + ")";
    }
}
