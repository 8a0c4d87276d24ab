package dev.ember.plan.logical;

import static java.util.Objects.requireNonNull;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code left NATURAL [type] JOIN right}: a USING join on every column name both sides have, which
 * only the analyzer can list ({@link #toUsingJoin}). No common name makes it a cross join, as in Spark.
 */
public final class NaturalJoin extends LogicalPlan {
    private final LogicalPlan left;
    private final LogicalPlan right;
    private final JoinType joinType;

    public NaturalJoin(LogicalPlan left, LogicalPlan right, JoinType joinType) {
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
        this.joinType = requireNonNull(joinType, "joinType is null");
    }

    /** The USING join this is, once both sides are resolved: the shared names in the left side's order. */
    public Join toUsingJoin() {
        List<String> shared = new ArrayList<>();
        for (AttributeReference column : left.output()) {
            String name = column.name().toLowerCase(Locale.ROOT);
            boolean onRight = right.output().stream().anyMatch(r -> r.name().equalsIgnoreCase(name));
            if (onRight && shared.stream().noneMatch(name::equalsIgnoreCase)) {
                shared.add(column.name());
            }
        }
        return new Join(left, right, joinType, null, shared);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return new NaturalJoin(children.get(0), children.get(1), joinType);
    }

    @Override
    public List<AttributeReference> output() {
        return toUsingJoin().output();
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return this;
    }

    @Override
    public String nodeString() {
        return "NaturalJoin " + joinType;
    }
}
