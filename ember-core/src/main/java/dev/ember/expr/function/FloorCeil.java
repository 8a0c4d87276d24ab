package dev.ember.expr.function;

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
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code floor(x)} and {@code ceil(x)}: a bigint for integral and double input, a decimal of scale
 * 0 (one more digit for the carry) for decimal input, as Spark.
 */
public final class FloorCeil extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean ceil;
    private final String name;

    public FloorCeil(boolean ceil, String name, Expression argument) {
        super(List.of(argument));
        this.ceil = ceil;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new FloorCeil(ceil, name, newArguments.get(0));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(numericArgument(0)));
    }

    @Override
    public DataType dataType() {
        if (arguments.get(0).dataType() instanceof DecimalType decimal) {
            return decimal.scale() == 0 ? decimal : DecimalType.bounded(decimal.precision() - decimal.scale() + 1, 0);
        }
        return AtomicType.LONG;
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
        if (values instanceof DecimalVector decimals) {
            DecimalType type = (DecimalType) dataType();
            RoundingMode mode = ceil ? RoundingMode.CEILING : RoundingMode.FLOOR;
            DecimalVector.Writer out = new DecimalVector.Writer(type, n);
            long[] in = decimals.unscaledValues();
            for (int i = 0; i < n; i++) {
                if (decimals.isNull(i)) {
                    continue;
                }
                if (decimals.isLong(i) && decimals.scale() <= DecimalVector.MAX_LONG_DIGITS) {
                    out.setUnscaled(i, Decimals.divideByPowerOfTen(in[i], decimals.scale(), mode));
                } else {
                    out.set(i, decimals.get(i).setScale(0, mode));
                }
            }
            return out.build(n, nulls);
        }
        long[] out = new long[n];
        if (values instanceof DoubleVector doubles) {
            for (int i = 0; i < n; i++) {
                double v = doubles.get(i);
                out[i] = (long) (ceil ? Math.ceil(v) : Math.floor(v));
            }
        } else if (values instanceof IntVector ints) {
            for (int i = 0; i < n; i++) {
                out[i] = ints.get(i);
            }
        } else {
            System.arraycopy(((LongVector) values).values(), 0, out, 0, n);
        }
        return new LongVector(AtomicType.LONG, n, out, nulls);
    }

    /** Spark shows {@code FLOOR(x)} and {@code CEIL(x)}; the alias {@code ceiling} shows as called. */
    @Override
    public String toString() {
        return name + "(" + arguments.get(0) + ")";
    }
}
