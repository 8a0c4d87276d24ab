package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;

/**
 * A column of an enclosing query used inside a subquery ({@code WHERE t.k = outer.k}). It only
 * lives between the analyzer and the optimizer, which turns the correlation into a join condition.
 */
public final class OuterReference extends LeafExpression {
    private static final long serialVersionUID = 1L;

    private final AttributeReference attribute;

    public OuterReference(AttributeReference attribute) {
        this.attribute = requireNonNull(attribute, "attribute is null");
    }

    public AttributeReference attribute() {
        return attribute;
    }

    @Override
    public DataType dataType() {
        return attribute.dataType();
    }

    @Override
    public boolean nullable() {
        return attribute.nullable();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public String toString() {
        return "outer(" + attribute + ")";
    }
}
