package dev.ember.expr;

/** {@code AND} with three-valued logic: false wins over NULL; the right side is evaluated only where the left is not false ({@link ShortCircuit}). */
public final class And extends ShortCircuit {
    private static final long serialVersionUID = 1L;

    public And(Expression left, Expression right) {
        super(left, right, false);
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new And(newLeft, newRight);
    }

    @Override
    public String toString() {
        return "(" + left + " AND " + right + ")";
    }
}
