package dev.ember.expr.function;

import dev.ember.expr.Arithmetic;
import dev.ember.expr.Decimals;
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

/**
 * {@code pmod(a, n)}: the remainder {@code a % n} moved to the sign of {@code n}, as
 * {@code (r + n) % n} when {@code r} is negative. Its one child is the remainder itself, so that the
 * operands are coerced, typed and checked for zero exactly as {@code %} does.
 */
public final class Pmod extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public Pmod(Expression dividend, Expression divisor) {
        this(new Arithmetic(Arithmetic.Operator.REMAINDER, dividend, divisor));
    }

    private Pmod(Arithmetic remainder) {
        super(List.of(remainder));
    }

    private Arithmetic remainder() {
        return (Arithmetic) arguments.get(0);
    }

    @Override
    public String name() {
        return "pmod";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Pmod((Arithmetic) newArguments.get(0));
    }

    @Override
    public DataType dataType() {
        return remainder().dataType();
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector remainders = remainder().eval(input);
        ColumnVector divisors = remainder().right().eval(input);
        int n = input.rowCount();
        boolean[] nulls = remainders.nulls();
        if (remainders instanceof IntVector r && divisors instanceof IntVector d) {
            int[] out = r.values().clone();
            for (int i = 0; i < n; i++) {
                if (out[i] < 0) {
                    out[i] = (out[i] + d.get(i)) % d.get(i);
                }
            }
            return new IntVector(AtomicType.INT, n, out, nulls);
        }
        if (remainders instanceof LongVector r && divisors instanceof LongVector d) {
            long[] out = r.values().clone();
            for (int i = 0; i < n; i++) {
                if (out[i] < 0) {
                    out[i] = (out[i] + d.get(i)) % d.get(i);
                }
            }
            return new LongVector(AtomicType.LONG, n, out, nulls);
        }
        if (remainders instanceof DoubleVector r && divisors instanceof DoubleVector d) {
            double[] out = r.values().clone();
            for (int i = 0; i < n; i++) {
                if (out[i] < 0) {
                    out[i] = (out[i] + d.get(i)) % d.get(i);
                }
            }
            return new DoubleVector(n, out, nulls);
        }
        DecimalVector r = (DecimalVector) remainders;
        DecimalVector d = (DecimalVector) divisors;
        DecimalType type = r.decimalType();
        BigDecimal[] out = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            BigDecimal value = r.get(i);
            out[i] = r.isNull(i) || value.signum() >= 0 ? value : Decimals.fit(value.add(d.get(i)).remainder(d.get(i)), type);
        }
        return new DecimalVector(type, n, out, nulls);
    }

    @Override
    public String toString() {
        return "pmod(" + remainder().left() + ", " + remainder().right() + ")";
    }
}
