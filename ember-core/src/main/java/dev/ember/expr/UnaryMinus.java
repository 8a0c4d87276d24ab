package dev.ember.expr;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.math.BigDecimal;

/** Negation; negating the smallest integer overflows, an error under ANSI. */
public final class UnaryMinus extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    public UnaryMinus(Expression child) {
        super(child);
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new UnaryMinus(newChild);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector value = child.eval(input);
        int n = input.rowCount();
        boolean[] nulls = value.nulls();
        if (value instanceof IntVector ints) {
            DataType type = ints.type();
            // the smallest value of int, smallint and tinyint has no positive counterpart
            int min = type == AtomicType.BYTE ? Byte.MIN_VALUE : type == AtomicType.SHORT ? Short.MIN_VALUE : Integer.MIN_VALUE;
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                if (ints.get(i) == min && !ints.isNull(i)) {
                    throw overflow(type == AtomicType.INT ? "integer" : type.simpleString());
                }
                out[i] = -ints.get(i);
            }
            return new IntVector(type, n, out, nulls);
        }
        if (value instanceof LongVector longs) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                if (longs.get(i) == Long.MIN_VALUE && !longs.isNull(i)) {
                    throw overflow("long");
                }
                out[i] = -longs.get(i);
            }
            return new LongVector(AtomicType.LONG, n, out, nulls);
        }
        if (value instanceof DoubleVector doubles) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = -doubles.get(i);
            }
            return new DoubleVector(doubles.type(), n, out, nulls);
        }
        if (value instanceof DecimalVector decimals) {
            // The type keeps its precision, which the negation of a value of that type never exceeds.
            DecimalVector.Writer out = new DecimalVector.Writer(decimals.decimalType(), n);
            long[] in = decimals.unscaledValues();
            for (int i = 0; i < n; i++) {
                if (decimals.isLong(i) && in[i] != Long.MIN_VALUE) {
                    out.setUnscaled(i, -in[i]);
                } else if (!decimals.isNull(i)) {
                    out.set(i, decimals.get(i).negate());
                }
            }
            return out.build(n, nulls);
        }
        throw EmberException.internal("negation of " + value.type(), null);
    }

    private static EmberException overflow(String typeName) {
        return EmberException.of(ErrorClass.ARITHMETIC_OVERFLOW, "message", typeName + " overflow", "function", "negative");
    }

    @Override
    public String toString() {
        return "(- " + child + ")";
    }
}
