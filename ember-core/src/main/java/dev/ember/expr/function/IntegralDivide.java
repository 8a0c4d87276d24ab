package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.LongVector;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code a div b}: the quotient truncated toward zero, as a bigint. Integral operands divide as
 * bigint, decimal ones exactly, doubles are rejected; dividing by zero and a quotient beyond bigint
 * are errors (ANSI).
 */
public final class IntegralDivide extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public IntegralDivide(Expression left, Expression right) {
        super(List.of(left, right));
    }

    @Override
    public String name() {
        return "div";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new IntegralDivide(newArguments.get(0), newArguments.get(1));
    }

    @Override
    public Expression coerceArguments() {
        Expression left = operand(0);
        Expression right = operand(1);
        boolean decimal = left.dataType() instanceof DecimalType || right.dataType() instanceof DecimalType;
        return withNewChildren(List.of(decimal ? asDecimal(left) : castTo(left, AtomicType.LONG),
                decimal ? asDecimal(right) : castTo(right, AtomicType.LONG)));
    }

    /** An integral or decimal operand as is, a string or NULL as bigint; Spark rejects doubles. */
    private Expression operand(int index) {
        Expression operand = arguments.get(index);
        DataType type = operand.dataType();
        if (type == AtomicType.STRING || type == AtomicType.NULL) {
            return castTo(operand, AtomicType.LONG);
        }
        if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT || !type.isNumeric()) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "the operator requires an integral or decimal operand, but \"" + operand + "\" is \""
                            + type.simpleString().toUpperCase(Locale.ROOT) + "\"");
        }
        return operand;
    }

    private static Expression asDecimal(Expression operand) {
        return operand.dataType() instanceof DecimalType ? operand : castTo(operand, DecimalType.forIntegral(operand.dataType()));
    }

    @Override
    public DataType dataType() {
        return AtomicType.LONG;
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector left = arguments.get(0).eval(input);
        ColumnVector right = arguments.get(1).eval(input);
        int n = input.rowCount();
        long[] out = new long[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (anyNull(i, left, right)) {
                nulls[i] = true;
            } else if (left instanceof LongVector a && right instanceof LongVector b) {
                if (b.get(i) == 0) {
                    throw EmberException.of(ErrorClass.DIVIDE_BY_ZERO);
                }
                if (a.get(i) == Long.MIN_VALUE && b.get(i) == -1) {
                    throw overflow();
                }
                out[i] = a.get(i) / b.get(i);
            } else {
                BigDecimal divisor = ((DecimalVector) right).get(i);
                if (divisor.signum() == 0) {
                    throw EmberException.of(ErrorClass.DIVIDE_BY_ZERO);
                }
                BigDecimal quotient = ((DecimalVector) left).get(i).divideToIntegralValue(divisor);
                if (quotient.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw overflow();
                }
                out[i] = quotient.longValue();
            }
        }
        return new LongVector(AtomicType.LONG, n, out, nulls);
    }

    private static EmberException overflow() {
        return EmberException.of(ErrorClass.ARITHMETIC_OVERFLOW, "message", "long overflow", "function", "divide");
    }

    @Override
    public String toString() {
        return "(" + arguments.get(0) + " div " + arguments.get(1) + ")";
    }
}
