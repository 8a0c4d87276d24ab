package dev.ember.plan.logical;

import dev.ember.expr.Alias;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import dev.ember.expr.SortOrder;
import dev.ember.expr.window.WindowExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Computes window expressions that share one PARTITION BY and ORDER BY over the child's rows: the
 * output is the child's columns followed by one column per window expression (each an alias of a
 * {@link WindowExpression}).
 */
public final class Window extends UnaryNode {
    private final List<Expression> windowExpressions;

    public Window(List<Expression> windowExpressions, LogicalPlan child) {
        super(child);
        this.windowExpressions = List.copyOf(windowExpressions);
    }

    /** The aliased window expressions, all with the same partitioning and ordering. */
    public List<Expression> windowExpressions() {
        return windowExpressions;
    }

    private WindowExpression first() {
        return (WindowExpression) ((Alias) windowExpressions.get(0)).child();
    }

    public List<Expression> partitionBy() {
        return first().partitionBy();
    }

    public List<SortOrder> orderBy() {
        return first().orderBy();
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Window(windowExpressions, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> output = new ArrayList<>(child.output());
        for (Expression expression : windowExpressions) {
            output.add(((Alias) expression).toAttribute());
        }
        return output;
    }

    @Override
    public List<Expression> expressions() {
        return windowExpressions;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<Expression> mapped = mapAll(windowExpressions, f, Expression.class);
        return mapped == windowExpressions ? this : new Window(mapped, child);
    }

    @Override
    public String nodeString() {
        return "Window " + windowExpressions.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
