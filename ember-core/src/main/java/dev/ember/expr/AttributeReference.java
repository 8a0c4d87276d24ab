package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A resolved reference to a column produced by some plan node. Identity is the {@link ExprId};
 * the qualifier (table alias) is kept for name resolution and printing.
 */
public final class AttributeReference extends LeafExpression implements NamedExpression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType dataType;
    private final boolean nullable;
    private final ExprId exprId;
    private final List<String> qualifier;

    public AttributeReference(String name, DataType dataType, boolean nullable, ExprId exprId, List<String> qualifier) {
        this.name = requireNonNull(name, "name is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.nullable = nullable;
        this.exprId = requireNonNull(exprId, "exprId is null");
        this.qualifier = List.copyOf(qualifier);
    }

    public static AttributeReference create(String name, DataType dataType, boolean nullable) {
        return new AttributeReference(name, dataType, nullable, ExprId.next(), List.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExprId exprId() {
        return exprId;
    }

    public List<String> qualifier() {
        return qualifier;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public AttributeReference toAttribute() {
        return this;
    }

    public AttributeReference withQualifier(List<String> newQualifier) {
        return new AttributeReference(name, dataType, nullable, exprId, newQualifier);
    }

    public AttributeReference withName(String newName) {
        return new AttributeReference(newName, dataType, nullable, exprId, qualifier);
    }

    public AttributeReference withNullability(boolean newNullable) {
        return newNullable == nullable ? this : new AttributeReference(name, dataType, newNullable, exprId, qualifier);
    }

    /** A fresh attribute with the same name and type but a new identity. */
    public AttributeReference newInstance() {
        return new AttributeReference(name, dataType, nullable, ExprId.next(), qualifier);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeReference that && exprId.equals(that.exprId)
                && name.equals(that.name) && dataType.equals(that.dataType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exprId, name);
    }

    @Override
    public String toString() {
        return name;
    }

    /** With the id, as {@code explain} prints attributes: {@code name#12}. */
    public String debugString() {
        return name + exprId;
    }
}
