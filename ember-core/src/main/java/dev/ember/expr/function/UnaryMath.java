package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Functions of one double to a double ({@code sqrt}, {@code exp}, {@code ln}, {@code sign}, the
 * trigonometric ones, ...). The logarithms are NULL at and below their asymptote, as in Spark,
 * where the others give NaN or infinity.
 */
public final class UnaryMath extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        SQRT(Math::sqrt), EXP(Math::exp), EXPM1(Math::expm1), CBRT(Math::cbrt), SIGNUM(Math::signum), RINT(Math::rint),
        DEGREES(Math::toDegrees), RADIANS(Math::toRadians),
        SIN(Math::sin), COS(Math::cos), TAN(Math::tan), COT(x -> 1 / Math.tan(x)), ASIN(Math::asin), ACOS(Math::acos),
        ATAN(Math::atan), SINH(Math::sinh), COSH(Math::cosh), TANH(Math::tanh),
        LN(Math::log, 0), LOG10(Math::log10, 0), LOG2(x -> Math.log(x) / Math.log(2), 0), LOG1P(Math::log1p, -1);

        private final DoubleUnaryOperator function;
        /** Arguments at or below this give NULL; NaN when every argument has a value. */
        private final double asymptote;

        Kind(DoubleUnaryOperator function) {
            this(function, Double.NaN);
        }

        Kind(DoubleUnaryOperator function, double asymptote) {
            this.function = function;
            this.asymptote = asymptote;
        }
    }

    private final Kind kind;
    private final String name;

    /** @param name the name the call shows, which for some aliases is Spark's ({@code SQRT}, {@code ln}) */
    public UnaryMath(Kind kind, String name, Expression argument) {
        super(List.of(argument));
        this.kind = kind;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new UnaryMath(kind, name, newArguments.get(0));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(numericArgument(0), AtomicType.DOUBLE)));
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return AtomicType.DOUBLE;
    }

    @Override
    public boolean nullable() {
        return arguments.get(0).nullable() || !Double.isNaN(kind.asymptote);
    }

    @Override
    public ColumnVector eval(Batch input) {
        DoubleVector values = (DoubleVector) arguments.get(0).eval(input);
        int n = input.rowCount();
        double[] in = values.values();
        double[] out = new double[n];
        DoubleUnaryOperator function = kind.function;
        for (int i = 0; i < n; i++) {
            out[i] = function.applyAsDouble(in[i]);
        }
        boolean[] nulls = values.nulls();
        if (!Double.isNaN(kind.asymptote)) {
            boolean[] withDomain = nulls == null ? new boolean[n] : nulls.clone();
            for (int i = 0; i < n; i++) {
                withDomain[i] |= in[i] <= kind.asymptote;
            }
            nulls = withDomain;
        }
        return new DoubleVector(n, out, nulls);
    }
}
