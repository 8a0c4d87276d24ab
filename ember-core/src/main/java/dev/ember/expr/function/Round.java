package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
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
 * {@code round(x, scale)} (HALF_UP), {@code bround} (HALF_EVEN), and {@code ceil}/{@code floor}
 * with a scale, to {@code scale} digits after the point (before it when negative). The scale is a
 * constant. Integral and double inputs keep their type, except that {@code ceil}/{@code floor}
 * round decimals only; a decimal result is sized as Spark sizes it (one more integral digit for
 * a carry).
 */
public final class Round extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final RoundingMode mode;

    public Round(String name, RoundingMode mode, Expression value, Expression scale) {
        super(List.of(value, scale));
        this.name = name;
        this.mode = mode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Round(name, mode, newArguments.get(0), newArguments.get(1));
    }

    private boolean decimalOnly() {
        return mode == RoundingMode.CEILING || mode == RoundingMode.FLOOR;
    }

    @Override
    public Expression coerceArguments() {
        Expression value = numericArgument(0);
        if (decimalOnly() && !(value.dataType() instanceof DecimalType)) {
            value = castTo(value, value.dataType() == AtomicType.DOUBLE ? new DecimalType(30, 15) : DecimalType.forIntegral(value.dataType()));
        }
        Expression scale = castTo(arguments.get(1), AtomicType.INT);
        Round coerced = (Round) withNewChildren(List.of(value, scale));
        coerced.scale();
        return coerced;
    }

    private int scale() {
        Object scale = constantArgument(1, "scale");
        return scale == null ? 0 : ((Number) scale).intValue();
    }

    @Override
    public DataType dataType() {
        DataType type = arguments.get(0).dataType();
        if (type instanceof DecimalType decimal) {
            return resultType(decimal, scale());
        }
        return type;
    }

    /** Spark's type of a rounded decimal: the scale kept or reduced, one more integral digit for a carry. */
    static DecimalType resultType(DecimalType type, int scale) {
        int integralDigits = type.precision() - type.scale() + 1;
        if (scale < 0) {
            return new DecimalType(Math.min(Math.max(integralDigits, -scale + 1), DecimalType.MAX_PRECISION), 0);
        }
        int newScale = Math.min(type.scale(), scale);
        return new DecimalType(Math.min(integralDigits + newScale, DecimalType.MAX_PRECISION), newScale);
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector values = arguments.get(0).eval(input);
        int scale = scale();
        int n = input.rowCount();
        boolean[] nulls = values.nulls();
        if (values instanceof DoubleVector doubles) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double v = doubles.get(i);
                // Spark rounds the double's shortest decimal text, so round(2.675D, 2) is 2.68.
                out[i] = Double.isNaN(v) || Double.isInfinite(v) ? v : BigDecimal.valueOf(v).setScale(scale, mode).doubleValue();
            }
            return new DoubleVector(n, out, nulls);
        }
        if (values instanceof IntVector ints) {
            int[] out = ints.values().clone();
            if (scale < 0) {
                for (int i = 0; i < n; i++) {
                    if (!ints.isNull(i)) {
                        out[i] = (int) roundIntegral(out[i], scale, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    }
                }
            }
            return new IntVector(AtomicType.INT, n, out, nulls);
        }
        if (values instanceof LongVector longs) {
            long[] out = longs.values().clone();
            if (scale < 0) {
                for (int i = 0; i < n; i++) {
                    if (!longs.isNull(i)) {
                        out[i] = roundIntegral(out[i], scale, Long.MIN_VALUE, Long.MAX_VALUE);
                    }
                }
            }
            return new LongVector(AtomicType.LONG, n, out, nulls);
        }
        DecimalVector decimals = (DecimalVector) values;
        DecimalType type = (DecimalType) dataType();
        DecimalVector.Writer out = new DecimalVector.Writer(type, n);
        long[] in = decimals.unscaledValues();
        for (int i = 0; i < n; i++) {
            if (decimals.isNull(i)) {
                continue;
            }
            if (decimals.isLong(i)) {
                try {
                    out.setUnscaled(i, roundUnscaled(in[i], decimals.scale(), scale, type));
                    continue;
                } catch (ArithmeticException beyondLong) {
                    // redone below with BigDecimal
                }
            }
            out.set(i, Decimals.fit(decimals.get(i).setScale(scale, mode), type));
        }
        return out.build(n, nulls);
    }

    /** Rounds to {@code scale} digits (before the point when negative), then to the result type's scale. */
    private long roundUnscaled(long unscaled, int fromScale, int scale, DecimalType type) {
        long rounded = Decimals.rescale(unscaled, fromScale, scale, mode);
        return Decimals.fit(rounded, scale, type);
    }

    private long roundIntegral(long value, int scale, long min, long max) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, mode);
        if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw EmberException.of(ErrorClass.ARITHMETIC_OVERFLOW, "message", "Overflow", "function", name);
        }
        return rounded.longValue();
    }
}
