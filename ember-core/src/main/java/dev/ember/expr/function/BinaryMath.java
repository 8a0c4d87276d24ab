package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import java.util.List;

/** Functions of two doubles to a double: {@code pow}, {@code log(base, x)} (NULL unless both are positive), {@code atan2}, {@code hypot}. */
public final class BinaryMath extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Kind { POWER, LOG, ATAN2, HYPOT }

    private final Kind kind;
    private final String name;

    public BinaryMath(Kind kind, String name, Expression left, Expression right) {
        super(List.of(left, right));
        this.kind = kind;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new BinaryMath(kind, name, newArguments.get(0), newArguments.get(1));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(numericArgument(0), AtomicType.DOUBLE), castTo(numericArgument(1), AtomicType.DOUBLE)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.DOUBLE;
    }

    @Override
    public ColumnVector eval(Batch input) {
        DoubleVector left = (DoubleVector) arguments.get(0).eval(input);
        DoubleVector right = (DoubleVector) arguments.get(1).eval(input);
        int n = input.rowCount();
        double[] a = left.values();
        double[] b = right.values();
        double[] out = new double[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = left.isNull(i) || right.isNull(i);
            switch (kind) {
                case POWER -> out[i] = Math.pow(a[i], b[i]);
                case ATAN2 -> out[i] = Math.atan2(a[i], b[i]);
                case HYPOT -> out[i] = Math.hypot(a[i], b[i]);
                case LOG -> {
                    nulls[i] |= a[i] <= 0 || b[i] <= 0;
                    out[i] = Math.log(b[i]) / Math.log(a[i]);
                }
            }
        }
        return new DoubleVector(n, out, nulls);
    }
}
