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
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code + - * / %} with ANSI semantics: integer overflow and division by zero are errors.
 * The analyzer coerces both sides to one type first ({@code /} on integers to double); decimal
 * results follow Spark's precision and scale rules.
 */
public final class Arithmetic extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    public enum Operator {
        ADD("+", "add"), SUBTRACT("-", "subtract"), MULTIPLY("*", "multiply"), DIVIDE("/", "divide"), REMAINDER("%", "remainder");

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
    public DataType dataType() {
        DataType leftType = left.dataType();
        if (leftType instanceof DecimalType l && right.dataType() instanceof DecimalType r) {
            return decimalResultType(operator, l, r);
        }
        return leftType;
    }

    @Override
    public boolean nullable() {
        return super.nullable() || operator == Operator.DIVIDE || operator == Operator.REMAINDER
                || dataType() instanceof DecimalType;
    }

    /** Spark's result type of decimal arithmetic. */
    public static DecimalType decimalResultType(Operator operator, DecimalType l, DecimalType r) {
        int p1 = l.precision();
        int s1 = l.scale();
        int p2 = r.precision();
        int s2 = r.scale();
        return switch (operator) {
            case ADD, SUBTRACT -> {
                int scale = Math.max(s1, s2);
                yield DecimalType.bounded(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
            }
            case MULTIPLY -> DecimalType.bounded(p1 + p2 + 1, s1 + s2);
            case DIVIDE -> {
                int scale = Math.max(6, s1 + p2 + 1);
                yield DecimalType.bounded(p1 - s1 + s2 + scale, scale);
            }
            case REMAINDER -> {
                int scale = Math.max(s1, s2);
                yield DecimalType.bounded(Math.min(p1 - s1, p2 - s2) + scale, scale);
            }
        };
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector l = left.eval(input);
        ColumnVector r = right.eval(input);
        int n = input.rowCount();
        boolean[] nulls = unionNulls(l, r, n);
        DataType type = dataType();
        if (type == AtomicType.INT) {
            return evalInt(((IntVector) l).values(), ((IntVector) r).values(), n, nulls);
        }
        if (type == AtomicType.LONG) {
            return evalLong(((LongVector) l).values(), ((LongVector) r).values(), n, nulls);
        }
        if (type == AtomicType.DOUBLE) {
            return evalDouble(((DoubleVector) l).values(), ((DoubleVector) r).values(), n, nulls);
        }
        if (type instanceof DecimalType decimal) {
            return evalDecimal((DecimalVector) l, (DecimalVector) r, decimal, n, nulls);
        }
        throw EmberException.internal("arithmetic on " + type + " in " + this, null);
    }

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
                case REMAINDER -> {
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            if (b[i] == 0) {
                                throw divideByZero();
                            }
                            out[i] = a[i] % b[i];
                        }
                    }
                }
                case DIVIDE -> throw EmberException.internal("integer / must be planned as double", null);
            }
        } catch (ArithmeticException e) {
            return evalIntChecked(a, b, n, nulls);
        }
        return new IntVector(AtomicType.INT, n, out, nulls);
    }

    /** The slow path after an overflow somewhere: overflow on a NULL row is no error. */
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
                default -> (long) a[i] % b[i];
            };
            if (exact != (int) exact) {
                throw overflow("integer");
            }
            out[i] = (int) exact;
        }
        return new IntVector(AtomicType.INT, n, out, nulls);
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
                    case REMAINDER -> {
                        if (b[i] == 0) {
                            throw divideByZero();
                        }
                        yield a[i] % b[i];
                    }
                    case DIVIDE -> throw EmberException.internal("integer / must be planned as double", null);
                };
            } catch (ArithmeticException e) {
                throw overflow("long");
            }
        }
        return new LongVector(AtomicType.LONG, n, out, nulls);
    }

    private ColumnVector evalDouble(double[] a, double[] b, int n, boolean[] nulls) {
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
            case DIVIDE, REMAINDER -> {
                for (int i = 0; i < n; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    if (b[i] == 0) {
                        throw divideByZero();
                    }
                    out[i] = operator == Operator.DIVIDE ? a[i] / b[i] : a[i] % b[i];
                }
            }
        }
        return new DoubleVector(n, out, nulls);
    }

    private ColumnVector evalDecimal(DecimalVector a, DecimalVector b, DecimalType type, int n, boolean[] nulls) {
        BigDecimal[] out = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                out[i] = BigDecimal.ZERO;
                continue;
            }
            BigDecimal x = a.get(i);
            BigDecimal y = b.get(i);
            BigDecimal exact = switch (operator) {
                case ADD -> x.add(y);
                case SUBTRACT -> x.subtract(y);
                case MULTIPLY -> x.multiply(y);
                case DIVIDE -> {
                    if (y.signum() == 0) {
                        throw divideByZero();
                    }
                    yield x.divide(y, new MathContext(type.precision() + 2, RoundingMode.HALF_UP));
                }
                case REMAINDER -> {
                    if (y.signum() == 0) {
                        throw divideByZero();
                    }
                    yield x.remainder(y);
                }
            };
            out[i] = Decimals.fit(exact, type);
        }
        return new DecimalVector(type, n, out, nulls);
    }

    private EmberException divideByZero() {
        return EmberException.of(operator == Operator.REMAINDER ? ErrorClass.REMAINDER_BY_ZERO : ErrorClass.DIVIDE_BY_ZERO);
    }

    private EmberException overflow(String typeName) {
        return EmberException.of(ErrorClass.ARITHMETIC_OVERFLOW, "message", typeName + " overflow",
                "function", operator.functionName);
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator.symbol + " " + right + ")";
    }
}
