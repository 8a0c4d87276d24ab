package dev.ember.expr;

/** {@code OR} with three-valued logic: true wins over NULL; the right side is evaluated only where the left is not true ({@link ShortCircuit}). */
public final class Or extends ShortCircuit {
    private static final long serialVersionUID = 1L;

    public Or(Expression left, Expression right) {
        super(left, right, true);
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new Or(newLeft, newRight);
    }

    @Override
    public String toString() {
        return "(" + left + " OR " + right + ")";
    }
}
