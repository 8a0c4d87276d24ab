package dev.ember.expr.aggregate;

import dev.ember.expr.Decimals;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** {@code avg(x)}: double, or decimal(p+4, s+4) for decimal input; NULL for no values. */
public final class Average extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public Average(Expression argument, boolean distinct) {
        super(List.of(argument), distinct);
    }

    @Override
    public String name() {
        return "avg";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Average(children.get(0), distinct);
    }

    @Override
    public DataType dataType() {
        if (arguments.get(0).dataType() instanceof DecimalType decimal) {
            return DecimalType.bounded(decimal.precision() + 4, decimal.scale() + 4);
        }
        return AtomicType.DOUBLE;
    }

    private DataType sumType() {
        DataType input = arguments.get(0).dataType();
        return input instanceof DecimalType ? Sums.sumType(input) : AtomicType.DOUBLE;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(sumType(), AtomicType.LONG);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        Sums sums = new Sums(sumType());
        DataType resultType = dataType();
        return new GroupedAccumulator() {
            @Override
            public void update(int[] groupIds, int rowCount, ColumnVector input) {
                sums.add(groupIds, rowCount, input, null);
            }

            @Override
            public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
                sums.add(groupIds, rowCount, state[0], ((LongVector) state[1]).values());
            }

            @Override
            public ColumnVector[] state(int groupCount) {
                return new ColumnVector[] {sums.sums(groupCount), Sum.counts(sums, groupCount)};
            }

            @Override
            public ColumnVector result(int groupCount) {
                ColumnVector totals = sums.sums(groupCount);
                if (resultType instanceof DecimalType decimal) {
                    return decimalAverages((DecimalVector) totals, decimal, groupCount);
                }
                double[] values = new double[groupCount];
                for (int g = 0; g < groupCount; g++) {
                    values[g] = totals.isNull(g) ? 0 : ((DoubleVector) totals).get(g) / sums.count(g);
                }
                return new DoubleVector(groupCount, values, totals.nulls());
            }

            /** Each sum over its count, rounded half up to the result's scale: on longs where they hold it. */
            private ColumnVector decimalAverages(DecimalVector totals, DecimalType type, int groupCount) {
                DecimalVector.Writer values = new DecimalVector.Writer(type, groupCount);
                int shift = type.scale() - totals.scale();
                for (int g = 0; g < groupCount; g++) {
                    if (totals.isNull(g)) {
                        continue;
                    }
                    if (totals.isLong(g)) {
                        try {
                            long dividend = Math.multiplyExact(totals.unscaled(g), Decimals.powerOfTen(shift));
                            values.setUnscaled(g, Decimals.fit(Decimals.divideHalfUp(dividend, sums.count(g)), type.scale(), type));
                            continue;
                        } catch (ArithmeticException beyondLong) {
                            // redone below with BigDecimal
                        }
                    }
                    values.set(g, Decimals.fit(totals.get(g).divide(BigDecimal.valueOf(sums.count(g)), type.scale(), RoundingMode.HALF_UP), type));
                }
                return values.build(groupCount, totals.nulls());
            }

            @Override
            public long retainedBytes() {
                return sums.retainedBytes();
            }
        };
    }
}
