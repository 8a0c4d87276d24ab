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
import java.math.RoundingMode;

/**
 * {@code + - * / % div} and {@code pmod} with ANSI semantics: integer overflow and division by
 * zero are errors. The analyzer coerces both sides to one type first ({@code /} on integers to
 * double, {@code div} on integers to bigint); decimal results follow Spark's precision and scale
 * rules ({@link #decimalResultType}). {@code div} always answers a bigint.
 */
public final class Arithmetic extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    public enum Operator {
        ADD("+", "add"), SUBTRACT("-", "subtract"), MULTIPLY("*", "multiply"), DIVIDE("/", "divide"),
        REMAINDER("%", "remainder"), PMOD("pmod", "pmod"), INTEGRAL_DIVIDE("div", "divide");

        private final String symbol;
        private final String functionName;

        Operator(String symbol, String functionName) {
            this.symbol = symbol;
            this.functionName = functionName;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final Operator operator;

    public Arithmetic(Operator operator, Expression left, Expression right) {
        super(left, right);
        this.operator = operator;
    }

    public Operator operator() {
        return operator;
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new Arithmetic(operator, newLeft, newRight);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        if (operator == Operator.INTEGRAL_DIVIDE) {
            return AtomicType.LONG;
        }
        DataType leftType = left.dataType();
        if (leftType instanceof DecimalType l && right.dataType() instanceof DecimalType r) {
            return decimalResultType(operator, l, r);
        }
        return leftType;
    }

    @Override
    public boolean nullable() {
        return super.nullable() || operator == Operator.DIVIDE || operator == Operator.REMAINDER || operator == Operator.PMOD
                || operator == Operator.INTEGRAL_DIVIDE || dataType() instanceof DecimalType;
    }

    /**
     * Spark's result type of decimal arithmetic ({@code DecimalPrecision} with
     * {@code spark.sql.decimalOperations.allowPrecisionLoss=true}, the default): the exact type,
     * then, beyond 38 digits, {@link DecimalType#adjusted} keeps the integral digits and gives up
     * scale down to 6.
     */
    public static DecimalType decimalResultType(Operator operator, DecimalType l, DecimalType r) {
        int p1 = l.precision();
        int s1 = l.scale();
        int p2 = r.precision();
        int s2 = r.scale();
        return switch (operator) {
            case ADD, SUBTRACT -> {
                int scale = Math.max(s1, s2);
                yield DecimalType.adjusted(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
            }
            case MULTIPLY -> DecimalType.adjusted(p1 + p2 + 1, s1 + s2);
            case DIVIDE -> {
                int scale = Math.max(6, s1 + p2 + 1);
                yield DecimalType.adjusted(p1 - s1 + s2 + scale, scale);
            }
            case REMAINDER, PMOD -> {
                int scale = Math.max(s1, s2);
                yield DecimalType.adjusted(Math.min(p1 - s1, p2 - s2) + scale, scale);
            }
            case INTEGRAL_DIVIDE -> throw new IllegalArgumentException("div answers a bigint, not a decimal");
        };
    }

    @Override
    public ColumnVector eval(Batch input) {
        if ((left instanceof Literal || right instanceof Literal) && dataType() instanceof DecimalType decimal) {
            return evalDecimalWithConstant(input, decimal);
        }
        ColumnVector l = left.eval(input);
        ColumnVector r = right.eval(input);
        int n = input.rowCount();
        boolean[] nulls = unionNulls(l, r, n);
        if (operator == Operator.INTEGRAL_DIVIDE && l instanceof DecimalVector a) {
            return evalDecimalDiv(a, (DecimalVector) r, n, nulls);
        }
        DataType type = dataType();
        if (type == AtomicType.INT) {
            return evalInt(((IntVector) l).values(), ((IntVector) r).values(), n, nulls);
        }
        if (type == AtomicType.BYTE || type == AtomicType.SHORT) {
            return evalSmall(((IntVector) l).values(), ((IntVector) r).values(), (AtomicType) type, n, nulls);
        }
        if (type == AtomicType.LONG) {
            return evalLong(((LongVector) l).values(), ((LongVector) r).values(), n, nulls);
        }
        if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            return evalDouble(((DoubleVector) l).values(), ((DoubleVector) r).values(), (AtomicType) type, n, nulls);
        }
        if (type instanceof DecimalType decimal) {
            return evalDecimal((DecimalVector) l, (DecimalVector) r, decimal, n, nulls);
        }
        throw EmberException.internal("arithmetic on " + type + " in " + this, null);
    }

    /** The fast path for + - * with no division: exact operations, re-done row by row only after an overflow. */
    private ColumnVector evalInt(int[] a, int[] b, int n, boolean[] nulls) {
        int[] out = new int[n];
        try {
            switch (operator) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.addExact(a[i], b[i]);
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.subtractExact(a[i], b[i]);
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.multiplyExact(a[i], b[i]);
                    }
                }
                default -> {
                    return evalIntChecked(a, b, n, nulls);
                }
            }
        } catch (ArithmeticException e) {
            return evalIntChecked(a, b, n, nulls);
        }
        return new IntVector(AtomicType.INT, n, out, nulls);
    }

    /** Row by row, skipping NULL rows: overflow or a zero divisor on a NULL row is no error. */
    private ColumnVector evalIntChecked(int[] a, int[] b, int n, boolean[] nulls) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            long exact = switch (operator) {
                case ADD -> (long) a[i] + b[i];
                case SUBTRACT -> (long) a[i] - b[i];
                case MULTIPLY -> (long) a[i] * b[i];
                case REMAINDER -> a[i] % nonZero(b[i]);
                case PMOD -> pmod(a[i], nonZero(b[i]));
                default -> throw EmberException.internal("int " + operator + " must be planned on other types", null);
            };
            if (exact != (int) exact) {
                throw overflow("integer");
            }
            out[i] = (int) exact;
        }
        return new IntVector(AtomicType.INT, n, out, nulls);
    }

    /** TINYINT and SMALLINT keep their type, as in Spark: computed as int (which cannot overflow), then range-checked. */
    private ColumnVector evalSmall(int[] a, int[] b, AtomicType type, int n, boolean[] nulls) {
        int min = type == AtomicType.BYTE ? Byte.MIN_VALUE : Short.MIN_VALUE;
        int max = type == AtomicType.BYTE ? Byte.MAX_VALUE : Short.MAX_VALUE;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int exact = switch (operator) {
                case ADD -> a[i] + b[i];
                case SUBTRACT -> a[i] - b[i];
                case MULTIPLY -> a[i] * b[i];
                case REMAINDER -> a[i] % nonZero(b[i]);
                case PMOD -> pmod(a[i], nonZero(b[i]));
                default -> throw EmberException.internal("small integer " + operator + " must be planned on other types", null);
            };
            if (exact < min || exact > max) {
                String suffix = type == AtomicType.BYTE ? "Y" : "S";
                throw EmberException.of(ErrorClass.BINARY_ARITHMETIC_OVERFLOW, "value1", a[i] + suffix,
                        "symbol", operator.symbol, "value2", b[i] + suffix, "functionName", "try_" + operator.functionName);
            }
            out[i] = exact;
        }
        return new IntVector(type, n, out, nulls);
    }

    private ColumnVector evalLong(long[] a, long[] b, int n, boolean[] nulls) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            try {
                out[i] = switch (operator) {
                    case ADD -> Math.addExact(a[i], b[i]);
                    case SUBTRACT -> Math.subtractExact(a[i], b[i]);
                    case MULTIPLY -> Math.multiplyExact(a[i], b[i]);
                    case REMAINDER -> a[i] % nonZero(b[i]);
                    case PMOD -> pmod(a[i], nonZero(b[i]));
                    case INTEGRAL_DIVIDE -> {
                        if (a[i] == Long.MIN_VALUE && b[i] == -1) {
                            throw new ArithmeticException("long overflow");
                        }
                        yield a[i] / nonZero(b[i]);
                    }
                    case DIVIDE -> throw EmberException.internal("integer / must be planned as double", null);
                };
            } catch (ArithmeticException e) {
                throw overflow("long");
            }
        }
        return new LongVector(AtomicType.LONG, n, out, nulls);
    }

    /** Doubles, or floats: a float result is the double result rounded to float, which is exact rounding for these operations. */
    private ColumnVector evalDouble(double[] a, double[] b, AtomicType type, int n, boolean[] nulls) {
        double[] out = new double[n];
        switch (operator) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    if (b[i] == 0) {
                        throw byZero();
                    }
                    out[i] = switch (operator) {
                        case DIVIDE -> a[i] / b[i];
                        case PMOD -> {
                            double r = a[i] % b[i];
                            yield r < 0 ? (r + b[i]) % b[i] : r;
                        }
                        default -> a[i] % b[i];
                    };
                }
            }
        }
        if (type == AtomicType.FLOAT) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) out[i];
            }
        }
        return new DoubleVector(type, n, out, nulls);
    }

    /**
     * Each value on unscaled longs where the exact result fits one, else (and for the error a value
     * out of range raises) with {@link BigDecimal}: the same answer either way.
     */
    private ColumnVector evalDecimal(DecimalVector a, DecimalVector b, DecimalType type, int n, boolean[] nulls) {
        if (a.allLongs() && b.allLongs()) {
            DecimalVector fast = decimalVectorOnLongs(a, b, type, n, nulls);
            if (fast != null) {
                return fast;
            }
        }
        DecimalVector.Writer out = new DecimalVector.Writer(type, n);
        long[] x = a.unscaledValues();
        long[] y = b.unscaledValues();
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            if (a.isLong(i) && b.isLong(i)) {
                try {
                    out.setUnscaled(i, decimalOnLongs(x[i], a.scale(), y[i], b.scale(), type));
                    continue;
                } catch (ArithmeticException beyondLong) {
                    // redone below with BigDecimal
                }
            }
            out.set(i, decimalOnBigDecimals(a.get(i), b.get(i), type));
        }
        return out.build(n, nulls);
    }

    /**
     * {@code + - *} that need no rounding, in one tight loop over all rows (NULL rows included:
     * should one overflow, the caller's row-by-row loop, which skips them, decides), without a check
     * per value: the operands' magnitude bounds bound every result, and that bound must fit a long
     * and the type; it is the result's bound. {@code null} when it does not: the caller then goes
     * value by value.
     */
    private DecimalVector decimalVectorOnLongs(DecimalVector a, DecimalVector b, DecimalType type, int n, boolean[] nulls) {
        long[] x = a.unscaledValues();
        long[] y = b.unscaledValues();
        long[] out;
        long bound;
        try {
            switch (operator) {
                case ADD, SUBTRACT -> {
                    int scale = Math.max(a.scale(), b.scale());
                    if (scale != type.scale()) {
                        return null;
                    }
                    long xFactor = Decimals.powerOfTen(scale - a.scale());
                    long yFactor = Decimals.powerOfTen(scale - b.scale());
                    bound = Math.addExact(Math.multiplyExact(a.magnitudeBound(), xFactor), Math.multiplyExact(b.magnitudeBound(), yFactor));
                    if (!resultsFit(bound, type)) {
                        return null;
                    }
                    long yMultiplier = operator == Operator.ADD ? yFactor : -yFactor;
                    out = new long[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] * xFactor + y[i] * yMultiplier;
                    }
                }
                case MULTIPLY -> {
                    if (a.scale() + b.scale() != type.scale()) {
                        return null;
                    }
                    bound = Math.multiplyExact(a.magnitudeBound(), b.magnitudeBound());
                    if (!resultsFit(bound, type)) {
                        return null;
                    }
                    out = new long[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] * y[i];
                    }
                }
                default -> {
                    return null;
                }
            }
        } catch (ArithmeticException beyondLong) {
            return null;
        }
        return new DecimalVector(type, n, out, nulls, bound);
    }

    /**
     * {@code + - *} of a decimal and a constant (as {@code 1 - l_discount}): the constant is never
     * repeated into a vector when the operation is {@code v * factor + offset} on longs, which
     * {@link #affineOnLongs} checks for the whole vector at once. The general path otherwise.
     */
    private ColumnVector evalDecimalWithConstant(Batch input, DecimalType type) {
        boolean constantLeft = left instanceof Literal;
        Literal constant = (Literal) (constantLeft ? left : right);
        DecimalVector v = (DecimalVector) (constantLeft ? right : left).eval(input);
        int n = input.rowCount();
        DecimalVector c = (DecimalVector) constant.asVector();
        if (!constant.isNull() && c.allLongs() && v.allLongs()) {
            DecimalVector fast = affineOnLongs(v, c, constantLeft, type, n);
            if (fast != null) {
                return fast;
            }
        }
        DecimalVector repeated = (DecimalVector) constant.repeat(n);
        DecimalVector l = constantLeft ? repeated : v;
        DecimalVector r = constantLeft ? v : repeated;
        return evalDecimal(l, r, type, n, unionNulls(l, r, n));
    }

    /**
     * {@code v (op) c} or {@code c (op) v} for {@code + - *} with no rounding, as {@code v * factor + offset}
     * in one loop without checks, when the bound of {@code v} proves every result fits a long and the
     * type; {@code null} otherwise.
     */
    private DecimalVector affineOnLongs(DecimalVector v, DecimalVector c, boolean constantLeft, DecimalType type, int n) {
        long constant = c.unscaled(0);
        long factor;
        long offset;
        try {
            switch (operator) {
                case ADD, SUBTRACT -> {
                    if (Math.max(v.scale(), c.scale()) != type.scale()) {
                        return null;
                    }
                    long vFactor = Decimals.powerOfTen(type.scale() - v.scale());
                    long scaledConstant = Math.multiplyExact(constant, Decimals.powerOfTen(type.scale() - c.scale()));
                    boolean negated = operator == Operator.SUBTRACT;
                    factor = negated && constantLeft ? -vFactor : vFactor;
                    offset = negated && !constantLeft ? -scaledConstant : scaledConstant;
                }
                case MULTIPLY -> {
                    if (v.scale() + c.scale() != type.scale()) {
                        return null;
                    }
                    factor = constant;
                    offset = 0;
                }
                default -> {
                    return null;
                }
            }
            long bound = Math.addExact(Math.multiplyExact(v.magnitudeBound(), Math.absExact(factor)), Math.absExact(offset));
            if (!resultsFit(bound, type)) {
                return null;
            }
            long[] values = v.unscaledValues();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = values[i] * factor + offset;
            }
            return new DecimalVector(type, n, out, v.nulls(), Math.max(bound, 1));
        } catch (ArithmeticException beyondLong) {
            return null;
        }
    }

    /** Whether results of at most this magnitude fit the type. */
    private static boolean resultsFit(long largestMagnitude, DecimalType type) {
        return Decimals.fitsPrecision(largestMagnitude, type.precision());
    }

    /** The unscaled result at the type's scale, or ArithmeticException when longs cannot answer. */
    private long decimalOnLongs(long x, int xScale, long y, int yScale, DecimalType type) {
        return switch (operator) {
            case ADD, SUBTRACT, REMAINDER, PMOD -> {
                int scale = Math.max(xScale, yScale);
                long left = Decimals.rescale(x, xScale, scale, RoundingMode.UNNECESSARY);
                long right = Decimals.rescale(y, yScale, scale, RoundingMode.UNNECESSARY);
                long exact = switch (operator) {
                    case ADD -> Math.addExact(left, right);
                    case SUBTRACT -> Math.subtractExact(left, right);
                    case REMAINDER -> left % nonZero(right);
                    default -> {
                        long remainder = left % nonZero(right);
                        yield remainder < 0 ? Math.addExact(remainder, right) % right : remainder;
                    }
                };
                yield Decimals.fit(exact, scale, type);
            }
            case MULTIPLY -> Decimals.fit(Math.multiplyExact(x, y), xScale + yScale, type);
            case DIVIDE -> {
                // x / y at scale s is (x * 10^(s + yScale - xScale)) / y, rounded once, half up
                long divisor = nonZero(y);
                int shift = type.scale() + yScale - xScale;
                long quotient = shift >= 0
                        ? Decimals.divideHalfUp(Math.multiplyExact(x, Decimals.powerOfTen(shift)), divisor)
                        : Decimals.divideHalfUp(x, Math.multiplyExact(divisor, Decimals.powerOfTen(-shift)));
                yield Decimals.fit(quotient, type.scale(), type);
            }
            case INTEGRAL_DIVIDE -> throw EmberException.internal("decimal div is evaluated as bigint", null);
        };
    }

    private BigDecimal decimalOnBigDecimals(BigDecimal x, BigDecimal y, DecimalType type) {
        BigDecimal exact = switch (operator) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            // rounded once, half up, straight to the result's scale
            case DIVIDE -> x.divide(nonZero(y), type.scale(), RoundingMode.HALF_UP);
            case REMAINDER -> x.remainder(nonZero(y));
            case PMOD -> {
                BigDecimal r = x.remainder(nonZero(y));
                yield r.signum() < 0 ? r.add(y).remainder(y) : r;
            }
            case INTEGRAL_DIVIDE -> throw EmberException.internal("decimal div is evaluated as bigint", null);
        };
        return Decimals.fit(exact, type);
    }

    /** {@code div} on decimals: the quotient truncated toward zero, which must fit a bigint. */
    private ColumnVector evalDecimalDiv(DecimalVector a, DecimalVector b, int n, boolean[] nulls) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            if (a.isLong(i) && b.isLong(i) && a.scale() == b.scale() && b.unscaled(i) != -1) {
                out[i] = a.unscaled(i) / nonZero(b.unscaled(i)); // same scale: the scales cancel
                continue;
            }
            BigDecimal quotient = a.get(i).divideToIntegralValue(nonZero(b.get(i)));
            try {
                out[i] = quotient.longValueExact();
            } catch (ArithmeticException e) {
                throw overflow("long");
            }
        }
        return new LongVector(AtomicType.LONG, n, out, nulls);
    }

    /** Spark's pmod: the remainder moved into the divisor's sign when it is negative. */
    private static int pmod(int a, int n) {
        int r = a % n;
        return r < 0 ? (r + n) % n : r;
    }

    private static long pmod(long a, long n) {
        long r = a % n;
        return r < 0 ? (r + n) % n : r;
    }

    private int nonZero(int divisor) {
        if (divisor == 0) {
            throw byZero();
        }
        return divisor;
    }

    private long nonZero(long divisor) {
        if (divisor == 0) {
            throw byZero();
        }
        return divisor;
    }

    private BigDecimal nonZero(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw byZero();
        }
        return divisor;
    }

    /** {@code REMAINDER_BY_ZERO} for {@code %} and {@code pmod}, {@code DIVIDE_BY_ZERO} for {@code /} and {@code div}. */
    private EmberException byZero() {
        boolean remainder = operator == Operator.REMAINDER || operator == Operator.PMOD;
        return EmberException.of(remainder ? ErrorClass.REMAINDER_BY_ZERO : ErrorClass.DIVIDE_BY_ZERO);
    }

    private EmberException overflow(String typeName) {
        return EmberException.of(ErrorClass.ARITHMETIC_OVERFLOW, "message", typeName + " overflow",
                "function", operator.functionName);
    }

    /** {@code (a + b)}, {@code (a div b)}, {@code pmod(a, b)}: Spark's column names. */
    @Override
    public String toString() {
        if (operator == Operator.PMOD) {
            return "pmod(" + left + ", " + right + ")";
        }
        return "(" + left + " " + operator.symbol + " " + right + ")";
    }
}
