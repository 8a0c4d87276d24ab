package dev.ember.expr;

/** An expression that yields a named output column: an attribute or an alias. */
public interface NamedExpression {
    String name();

    ExprId exprId();

    /** The attribute that refers to this expression's output. */
    AttributeReference toAttribute();
}
