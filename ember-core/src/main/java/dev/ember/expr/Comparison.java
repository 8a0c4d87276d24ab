package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;

/**
 * {@code = <> < <= > >=} with SQL's null semantics (NULL when either side is NULL) and
 * {@code <=>}, which treats two NULLs as equal and is never NULL. Both sides have one type,
 * coerced by the analyzer.
 */
public final class Comparison extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    public enum Operator {
        EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="),
        GREATER_THAN(">"), GREATER_THAN_OR_EQUAL(">="), NULL_SAFE_EQUAL("<=>");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The orders it accepts as bits, {@code 1 << (order + 1)} for order -1 (less), 0 (equal), 1 (greater). */
        int acceptedOrders() {
            return switch (this) {
                case EQUAL, NULL_SAFE_EQUAL -> 0b010;
                case NOT_EQUAL -> 0b101;
                case LESS_THAN -> 0b001;
                case LESS_THAN_OR_EQUAL -> 0b011;
                case GREATER_THAN -> 0b100;
                case GREATER_THAN_OR_EQUAL -> 0b110;
            };
        }

        /** The operator with sides swapped: {@code a < b} is {@code b > a}. */
        public Operator flip() {
            return switch (this) {
                case LESS_THAN -> GREATER_THAN;
                case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
                case GREATER_THAN -> LESS_THAN;
                case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
                default -> this;
            };
        }
    }

    private final Operator operator;

    public Comparison(Operator operator, Expression left, Expression right) {
        super(left, right);
        this.operator = operator;
    }

    public Operator operator() {
        return operator;
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new Comparison(operator, newLeft, newRight);
    }

    @Override
    public boolean nullIntolerant() {
        return operator != Operator.NULL_SAFE_EQUAL;
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return operator != Operator.NULL_SAFE_EQUAL && super.nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        return compare(input, Selection.all(n), n);
    }

    /** In place where each side is a column or a constant; other operands are computed on a copy of the rows, as they may fail. */
    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        if (readInPlace(left) && readInPlace(right)) {
            return compare(input, rows, count);
        }
        return super.evalAt(input, rows, count);
    }

    /** In place, as {@link #evalAt}, choosing the rows as it compares them, when neither side holds a NULL. */
    @Override
    protected int selectNonNull(Batch input, int[] rows, int count, int[] selected) {
        if (!readInPlace(left) || !readInPlace(right)) {
            return -1;
        }
        Sides sides = sides(input);
        if (sides.x.mayHaveNulls() || sides.y.mayHaveNulls()) {
            return -1;
        }
        return ComparisonKernel.select(sides.operator, sides.x, sides.y, sides.yConstant, rows, count, input.rowCount(), selected);
    }

    private static boolean readInPlace(Expression side) {
        return side instanceof BoundReference || side instanceof Literal;
    }

    private BooleanVector compare(Batch input, int[] rows, int count) {
        Sides sides = sides(input);
        return ComparisonKernel.compare(sides.operator, sides.x, sides.y, sides.yConstant, rows, count, input.rowCount());
    }

    /** The operands as the kernel reads them: {@code x operator y}, where {@code y} has one row when {@code yConstant}. */
    private record Sides(Operator operator, ColumnVector x, ColumnVector y, boolean yConstant) {
    }

    /** A constant side is read as its vector of one row, on the right (flipping the operator when it is on the left). */
    private Sides sides(Batch input) {
        if (left instanceof Literal constant && !(right instanceof Literal)) {
            return new Sides(operator.flip(), right.eval(input), constant.asVector(), true);
        }
        if (right instanceof Literal constant) {
            return new Sides(operator, left.eval(input), constant.asVector(), true);
        }
        return new Sides(operator, left.eval(input), right.eval(input), false);
    }

    @Override
    public String toString() {
        if (operator == Operator.NOT_EQUAL) {
            return "(NOT (" + left + " = " + right + "))"; // Spark parses a <> b as NOT (a = b) and names it so
        }
        return "(" + left + " " + operator.symbol + " " + right + ")";
    }
}
