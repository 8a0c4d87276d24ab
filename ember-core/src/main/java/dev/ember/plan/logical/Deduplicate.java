package dev.ember.plan.logical;

import dev.ember.expr.AttributeReference;
import dev.ember.expr.Expression;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** {@code dropDuplicates(keys)}: one row (any one) per distinct combination of the key columns, NULLs equal. */
public final class Deduplicate extends UnaryNode {
    private final List<AttributeReference> keys;

    public Deduplicate(List<AttributeReference> keys, LogicalPlan child) {
        super(child);
        this.keys = List.copyOf(keys);
    }

    public List<AttributeReference> keys() {
        return keys;
    }

    @Override
    protected LogicalPlan withChild(LogicalPlan newChild) {
        return new Deduplicate(keys, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.copyOf(keys);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return new Deduplicate(keys.stream().map(k -> (AttributeReference) f.apply(k)).toList(), child);
    }

    @Override
    public String nodeString() {
        return "Deduplicate " + keys.stream().map(AttributeReference::debugString).collect(Collectors.joining(", ", "[", "]"));
    }
}
