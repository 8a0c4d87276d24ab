package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code UNION ALL} of two or more inputs, by position, or by name ({@code unionByName}). The
 * output takes the first input's names; a column is nullable when it is in any input.
 */
public final class Union extends LogicalPlan {
    private final List<LogicalPlan> inputs;
    private final boolean byName;
    private final boolean allowMissingColumns;

    public Union(List<LogicalPlan> inputs, boolean byName, boolean allowMissingColumns) {
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("a union needs at least two inputs");
        }
        this.inputs = List.copyOf(inputs);
        this.byName = byName;
        this.allowMissingColumns = allowMissingColumns;
    }

    public boolean byName() {
        return byName;
    }

    public boolean allowMissingColumns() {
        return allowMissingColumns;
    }

    @Override
    public List<LogicalPlan> children() {
        return inputs;
    }

    @Override
    public LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return sameChildren(inputs, children) ? this : new Union(children, byName, allowMissingColumns);
    }

    @Override
    public List<AttributeReference> output() {
        // Each input's output once: asking again per column would make chains of unions exponential.
        List<List<AttributeReference>> outputs = inputs.stream().map(LogicalPlan::output).toList();
        List<AttributeReference> first = outputs.get(0);
        List<AttributeReference> output = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (List<AttributeReference> inputOutput : outputs) {
                nullable |= inputOutput.get(i).nullable();
            }
            output.add(first.get(i).withNullability(nullable));
        }
        return output;
    }

    @Override
    public boolean resolved() {
        return super.resolved() && !byName;
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
        return "Union" + (byName ? " byName" : "");
    }
}
