package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code left JOIN right ON condition} or {@code USING (columns)}. The condition is {@code null}
 * for a cross join or a USING join; the analyzer turns USING into a condition and a projection.
 */
public final class Join extends LogicalPlan {
    private final LogicalPlan left;
    private final LogicalPlan right;
    private final JoinType joinType;
    private final Expression condition;
    private final List<String> usingColumns;
    private final AttributeReference existsMark;

    public Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition, List<String> usingColumns) {
        this(left, right, joinType, condition, usingColumns, null);
    }

    private Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition, List<String> usingColumns,
            AttributeReference existsMark) {
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        this.joinType = requireNonNull(joinType, "joinType is null");
        this.condition = condition;
        this.usingColumns = List.copyOf(usingColumns);
        if ((joinType == JoinType.EXISTENCE) != (existsMark != null)) {
            throw new IllegalArgumentException("an existence join, and only one, has a mark column");
        }
        this.existsMark = existsMark;
    }

    /** The same join of other inputs, with another type and condition (an existence join keeps its mark). */
    public Join with(LogicalPlan newLeft, LogicalPlan newRight, JoinType newType, Expression newCondition) {
        return new Join(newLeft, newRight, newType, newCondition, usingColumns, existsMark);
    }

    /** The left rows, each with {@code mark} true when some right row satisfies the condition. */
    public static Join existence(LogicalPlan left, LogicalPlan right, Expression condition, AttributeReference mark) {
        return new Join(left, right, JoinType.EXISTENCE, condition, List.of(), mark);
    }

    public Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition) {
        this(left, right, joinType, condition, List.of());
    }

    public LogicalPlan left() {
        return left;
    }

    public LogicalPlan right() {
        return right;
    }

    public JoinType joinType() {
        return joinType;
    }

    /** The join condition, or {@code null} when every pair matches. */
    public Expression condition() {
        return condition;
    }

    /** The USING column names; empty once the analyzer has rewritten them. */
    public List<String> usingColumns() {
        return usingColumns;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return sameChildren(children(), children) ? this
                : new Join(children.get(0), children.get(1), joinType, condition, usingColumns, existsMark);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> output = new ArrayList<>();
        boolean leftNullable = joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER;
        boolean rightNullable = joinType == JoinType.LEFT_OUTER || joinType == JoinType.FULL_OUTER;
        for (AttributeReference attribute : left.output()) {
            output.add(leftNullable ? attribute.withNullability(true) : attribute);
        }
        if (existsMark != null) {
            output.add(existsMark);
        }
        if (joinType.outputsRight()) {
            for (AttributeReference attribute : right.output()) {
                output.add(rightNullable ? attribute.withNullability(true) : attribute);
            }
        }
        return output;
    }

    @Override
    public boolean resolved() {
        return super.resolved() && usingColumns.isEmpty();
    }

    @Override
    public List<Expression> expressions() {
        return condition == null ? List.of() : List.of(condition);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        if (condition == null) {
            return this;
        }
        Expression mapped = f.apply(condition);
        return mapped == condition ? this : new Join(left, right, joinType, mapped, usingColumns, existsMark);
    }

    @Override
    public String nodeString() {
        return "Join " + joinType + (condition == null ? "" : ", " + condition)
                + (usingColumns.isEmpty() ? "" : ", USING " + usingColumns);
    }
}
