package dev.ember.expr;

import dev.ember.expr.Comparison.Operator;
import dev.ember.vector.Batch;
import java.util.EnumSet;
import java.util.Set;

/**
 * Two comparisons of one column with constants, each a bound ({@code x >= a}, {@code x < b}), which
 * a filter tests as one range in one pass over the rows: BETWEEN, or a range written as two
 * conjuncts. Where the kernel has no range loop for the column, the comparisons are tested in turn.
 */
final class ColumnRange {
    private static final Set<Operator> BOUNDS = EnumSet.of(Operator.EQUAL, Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUAL,
            Operator.GREATER_THAN, Operator.GREATER_THAN_OR_EQUAL);

    private final int ordinal;
    private final Operator firstOperator;
    private final Literal firstConstant;
    private final Operator secondOperator;
    private final Literal secondConstant;

    private ColumnRange(Comparison first, Comparison second) {
        this.ordinal = column(first).ordinal();
        this.firstOperator = columnOperator(first);
        this.firstConstant = constant(first);
        this.secondOperator = columnOperator(second);
        this.secondConstant = constant(second);
    }

    /** The range of two conjuncts that bound the same column by non-NULL constants; else {@code null}. */
    static ColumnRange of(Expression a, Expression b) {
        if (a instanceof Comparison x && b instanceof Comparison y && isBound(x) && isBound(y)
                && column(x).ordinal() == column(y).ordinal()) {
            return new ColumnRange(x, y);
        }
        return null;
    }

    /**
     * The rows among {@code rows[0..count)} within both bounds, as {@link Expression#selectNonNull}:
     * {@code -1} when the column holds NULLs or has no range loop.
     */
    int selectNonNull(Batch input, int[] rows, int count, int[] selected) {
        return ComparisonKernel.selectWithin(input.column(ordinal), firstOperator, firstConstant.asVector(),
                secondOperator, secondConstant.asVector(), rows, count, selected);
    }

    /** Whether {@code comparison} is a column against a non-NULL constant by an order or equality. */
    private static boolean isBound(Comparison comparison) {
        boolean columnLeft = comparison.left() instanceof BoundReference && comparison.right() instanceof Literal;
        boolean columnRight = comparison.right() instanceof BoundReference && comparison.left() instanceof Literal;
        return (columnLeft || columnRight) && constant(comparison).value() != null && BOUNDS.contains(comparison.operator());
    }

    private static BoundReference column(Comparison comparison) {
        return (BoundReference) (comparison.left() instanceof BoundReference ? comparison.left() : comparison.right());
    }

    private static Literal constant(Comparison comparison) {
        return (Literal) (comparison.left() instanceof Literal ? comparison.left() : comparison.right());
    }

    /** The operator as {@code column operator constant}: flipped when the constant is on the left. */
    private static Operator columnOperator(Comparison comparison) {
        return comparison.left() instanceof Literal ? comparison.operator().flip() : comparison.operator();
    }
}
