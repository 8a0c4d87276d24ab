package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;

/**
 * {@code = <> < <= > >=} with SQL's null semantics (NULL when either side is NULL) and
 * {@code <=>}, which treats two NULLs as equal and is never NULL. Both sides have one type,
 * coerced by the analyzer.
 */
public final class Comparison extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    public enum Operator {
        EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="),
        GREATER_THAN(">"), GREATER_THAN_OR_EQUAL(">="), NULL_SAFE_EQUAL("<=>");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(int order) {
            return switch (this) {
                case EQUAL, NULL_SAFE_EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS_THAN -> order < 0;
                case LESS_THAN_OR_EQUAL -> order <= 0;
                case GREATER_THAN -> order > 0;
                case GREATER_THAN_OR_EQUAL -> order >= 0;
            };
        }

        /** The operator with sides swapped: {@code a < b} is {@code b > a}. */
        public Operator flip() {
            return switch (this) {
                case LESS_THAN -> GREATER_THAN;
                case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
                case GREATER_THAN -> LESS_THAN;
                case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
                default -> this;
            };
        }
    }

    private final Operator operator;

    public Comparison(Operator operator, Expression left, Expression right) {
        super(left, right);
        this.operator = operator;
    }

    public Operator operator() {
        return operator;
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new Comparison(operator, newLeft, newRight);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return operator != Operator.NULL_SAFE_EQUAL && super.nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector l = left.eval(input);
        ColumnVector r = right.eval(input);
        int n = input.rowCount();
        boolean[] out = new boolean[n];
        if (operator == Operator.NULL_SAFE_EQUAL) {
            for (int i = 0; i < n; i++) {
                boolean leftNull = l.isNull(i);
                boolean rightNull = r.isNull(i);
                out[i] = leftNull || rightNull ? leftNull == rightNull : l.equalsAt(i, r, i);
            }
            return new BooleanVector(n, out, null);
        }
        boolean[] nulls = unionNulls(l, r, n);
        if (l instanceof LongVector a && r instanceof LongVector b) {
            long[] x = a.values();
            long[] y = b.values();
            for (int i = 0; i < n; i++) {
                out[i] = operator.test(Long.compare(x[i], y[i]));
            }
        } else if (l instanceof IntVector a && r instanceof IntVector b) {
            int[] x = a.values();
            int[] y = b.values();
            for (int i = 0; i < n; i++) {
                out[i] = operator.test(Integer.compare(x[i], y[i]));
            }
        } else if (l instanceof DecimalVector a && r instanceof DecimalVector b && a.allLongs() && b.allLongs() && a.scale() == b.scale()) {
            long[] x = a.unscaledValues();
            long[] y = b.unscaledValues();
            for (int i = 0; i < n; i++) {
                out[i] = operator.test(Long.compare(x[i], y[i]));
            }
        } else if (l instanceof DoubleVector a && r instanceof DoubleVector b) {
            double[] x = a.values();
            double[] y = b.values();
            for (int i = 0; i < n; i++) {
                out[i] = operator.test(DoubleVector.compareSql(x[i], y[i]));
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    out[i] = operator.test(l.compareAt(i, r, i));
                }
            }
        }
        return new BooleanVector(n, out, nulls);
    }

    @Override
    public String toString() {
        if (operator == Operator.NOT_EQUAL) {
            return "(NOT (" + left + " = " + right + "))"; // Spark parses a <> b as NOT (a = b) and names it so
        }
        return "(" + left + " " + operator.symbol + " " + right + ")";
    }
}
