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
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.math.BigDecimal;
import java.util.List;

/** {@code abs(x)} of the argument's type; the smallest int or bigint has no absolute value (ANSI overflow). */
public final class Abs extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public Abs(Expression argument) {
        super(List.of(argument));
    }

    @Override
    public String name() {
        return "abs";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Abs(newArguments.get(0));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(numericArgument(0)));
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return arguments.get(0).dataType();
    }

    @Override
    public boolean nullable() {
        return arguments.get(0).nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector values = arguments.get(0).eval(input);
        int n = input.rowCount();
        boolean[] nulls = values.nulls();
        if (values instanceof IntVector ints) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int v = ints.get(i);
                if (v == Integer.MIN_VALUE && !ints.isNull(i)) {
                    throw overflow("integer");
                }
                out[i] = Math.abs(v);
            }
            return new IntVector(AtomicType.INT, n, out, nulls);
        }
        if (values instanceof LongVector longs) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                long v = longs.get(i);
                if (v == Long.MIN_VALUE && !longs.isNull(i)) {
                    throw overflow("long");
                }
                out[i] = Math.abs(v);
            }
            return new LongVector(AtomicType.LONG, n, out, nulls);
        }
        if (values instanceof DoubleVector doubles) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = Math.abs(doubles.get(i));
            }
            return new DoubleVector(n, out, nulls);
        }
        DecimalVector decimals = (DecimalVector) values;
        DecimalVector.Writer out = new DecimalVector.Writer((DecimalType) dataType(), n);
        long[] in = decimals.unscaledValues();
        for (int i = 0; i < n; i++) {
            if (decimals.isLong(i) && in[i] != Long.MIN_VALUE) {
                out.setUnscaled(i, Math.abs(in[i]));
            } else if (!decimals.isNull(i)) {
                out.set(i, decimals.get(i).abs());
            }
        }
        return out.build(n, nulls);
    }

    private static EmberException overflow(String type) {
        return EmberException.of(ErrorClass.ARITHMETIC_OVERFLOW, "message", type + " overflow", "function", "abs");
    }
}
