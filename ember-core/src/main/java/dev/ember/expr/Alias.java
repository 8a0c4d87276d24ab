package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.DataType;
import java.util.List;

/** {@code child AS name}: names an expression's output column. */
public final class Alias extends Expression implements NamedExpression {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final String name;
    private final ExprId exprId;

    public Alias(Expression child, String name, ExprId exprId) {
        this.child = requireNonNull(child, "child is null");
        this.name = requireNonNull(name, "name is null");
        this.exprId = requireNonNull(exprId, "exprId is null");
    }

    public Alias(Expression child, String name) {
        this(child, name, ExprId.next());
    }

    public Expression child() {
        return child;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExprId exprId() {
        return exprId;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(children(), children) ? this : new Alias(children.get(0), name, exprId);
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public dev.ember.vector.ColumnVector eval(dev.ember.vector.Batch input) {
        return child.eval(input);
    }

    @Override
    public AttributeReference toAttribute() {
        return new AttributeReference(name, child.dataType(), child.nullable(), exprId, List.of());
    }

    @Override
    public String toString() {
        return child + " AS " + name;
    }
}
