package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A node of an immutable logical plan: what to compute, not how. The parser and the DataFrame API
 * build these trees (possibly unresolved), the analyzer resolves them, the optimizer rewrites them
 * with rules, and the physical planner turns them into operators and exchanges.
 */
public abstract class LogicalPlan {
    public abstract List<LogicalPlan> children();

    /** The same node over new children (same count); returns {@code this} when they are the same instances. */
    public abstract LogicalPlan withNewChildren(List<LogicalPlan> children);

    /** The columns this node produces, in order. Only defined once resolved. */
    public abstract List<AttributeReference> output();

    /** The expressions this node holds (not its children's). */
    public abstract List<Expression> expressions();

    /** The same node with every held expression mapped by {@code f}; {@code this} when nothing changed. */
    public abstract LogicalPlan mapExpressions(UnaryOperator<Expression> f);

    /** Whether this node and every node below it are resolved. */
    public boolean resolved() {
        for (LogicalPlan child : children()) {
            if (!child.resolved()) {
                return false;
            }
        }
        for (Expression expression : expressions()) {
            if (!expression.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the children are resolved, so that this node's own expressions can be resolved against them. */
    public final boolean childrenResolved() {
        return children().stream().allMatch(LogicalPlan::resolved);
    }

    public final LogicalPlan transformUp(Function<LogicalPlan, LogicalPlan> rule) {
        List<LogicalPlan> children = children();
        List<LogicalPlan> newChildren = new ArrayList<>(children.size());
        for (LogicalPlan child : children) {
            newChildren.add(child.transformUp(rule));
        }
        return rule.apply(withNewChildren(newChildren));
    }

    public final LogicalPlan transformDown(Function<LogicalPlan, LogicalPlan> rule) {
        LogicalPlan applied = rule.apply(this);
        List<LogicalPlan> children = applied.children();
        List<LogicalPlan> newChildren = new ArrayList<>(children.size());
        for (LogicalPlan child : children) {
            newChildren.add(child.transformDown(rule));
        }
        return applied.withNewChildren(newChildren);
    }

    /** Whether some expression held by this node or a node below matches. */
    public final boolean anyExpression(java.util.function.Predicate<Expression> predicate) {
        for (Expression expression : expressions()) {
            if (expression.anyMatch(predicate)) {
                return true;
            }
        }
        for (LogicalPlan child : children()) {
            if (child.anyExpression(predicate)) {
                return true;
            }
        }
        return false;
    }

    /** Every expression held by every node of this plan, mapped bottom-up by {@code rule}. */
    public final LogicalPlan transformAllExpressions(Function<Expression, Expression> rule) {
        return transformUp(node -> node.mapExpressions(expression -> expression.transformUp(rule)));
    }

    protected static boolean sameChildren(List<LogicalPlan> current, List<LogicalPlan> replacement) {
        if (current.size() != replacement.size()) {
            throw new IllegalArgumentException("expected " + current.size() + " children, got " + replacement.size());
        }
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i) != replacement.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Maps each expression of a list; returns the same list instance when nothing changed. */
    protected static <T extends Expression> List<T> mapAll(List<T> expressions, UnaryOperator<Expression> f, Class<T> type) {
        List<T> mapped = new ArrayList<>(expressions.size());
        boolean changed = false;
        for (T expression : expressions) {
            Expression result = f.apply(expression);
            changed |= result != expression;
            mapped.add(type.cast(result));
        }
        return changed ? mapped : expressions;
    }

    /** One line describing this node, without its children: {@code Filter (a > 1)}. */
    public abstract String nodeString();

    /** The indented tree, as {@code explain} prints it. */
    public final String treeString() {
        return dev.ember.plan.TreeText.render(this, LogicalPlan::nodeString, LogicalPlan::children);
    }

    @Override
    public String toString() {
        return treeString();
    }
}
