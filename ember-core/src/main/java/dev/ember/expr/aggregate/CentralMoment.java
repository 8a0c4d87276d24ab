package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import dev.ember.vector.LongVector;
import java.util.Arrays;
import java.util.List;

/**
 * Variance and standard deviation of a double (the analyzer casts the input): sample ({@code n - 1})
 * or population ({@code n}). NULL without values, and for a sample of one value, as Spark does.
 * Partial states (count, mean, sum of squared deviations) merge with Chan's formula.
 */
public final class CentralMoment extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    /** The statistic, by its SQL name. */
    public enum Kind {
        STDDEV_SAMP("stddev_samp", true, true), STDDEV_POP("stddev_pop", true, false),
        VAR_SAMP("var_samp", false, true), VAR_POP("var_pop", false, false);

        private final String sqlName;
        private final boolean root;
        private final boolean sample;

        Kind(String sqlName, boolean root, boolean sample) {
            this.sqlName = sqlName;
            this.root = root;
            this.sample = sample;
        }
    }

    private final Kind kind;
    private final String name;

    /** @param name the name it was called by ({@code stddev}, {@code std}, ...), which Spark keeps in the column name */
    public CentralMoment(Kind kind, String name, Expression argument, boolean distinct) {
        super(List.of(argument), distinct);
        this.kind = kind;
        this.name = name;
    }

    public CentralMoment(Kind kind, Expression argument) {
        this(kind, kind.sqlName, argument, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new CentralMoment(kind, name, children.get(0), distinct);
    }

    @Override
    public DataType dataType() {
        return AtomicType.DOUBLE;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(AtomicType.LONG, AtomicType.DOUBLE, AtomicType.DOUBLE);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new Accumulator();
    }

    private final class Accumulator implements GroupedAccumulator {
        private long[] counts = new long[GroupCapacity.INITIAL];
        private double[] means = new double[GroupCapacity.INITIAL];
        private double[] m2s = new double[GroupCapacity.INITIAL];

        private void ensure(int[] groupIds, int rowCount) {
            int size = GroupCapacity.holding(groupIds, rowCount, counts.length);
            if (size > counts.length) {
                counts = Arrays.copyOf(counts, size);
                means = Arrays.copyOf(means, size);
                m2s = Arrays.copyOf(m2s, size);
            }
        }

        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector input) {
            ensure(groupIds, rowCount);
            double[] values = ((DoubleVector) input).values();
            for (int i = 0; i < rowCount; i++) {
                if (!input.isNull(i)) {
                    // Welford's update
                    int g = groupIds[i];
                    long n = ++counts[g];
                    double delta = values[i] - means[g];
                    means[g] += delta / n;
                    m2s[g] += delta * (values[i] - means[g]);
                }
            }
        }

        @Override
        public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
            ensure(groupIds, rowCount);
            long[] otherCounts = ((LongVector) state[0]).values();
            double[] otherMeans = ((DoubleVector) state[1]).values();
            double[] otherM2s = ((DoubleVector) state[2]).values();
            for (int i = 0; i < rowCount; i++) {
                long other = otherCounts[i];
                if (other == 0) {
                    continue;
                }
                int g = groupIds[i];
                long n = counts[g] + other;
                double delta = otherMeans[i] - means[g];
                m2s[g] += otherM2s[i] + delta * delta * counts[g] * other / n;
                means[g] += delta * other / n;
                counts[g] = n;
            }
        }

        @Override
        public ColumnVector[] state(int groupCount) {
            return new ColumnVector[] {
                new LongVector(AtomicType.LONG, groupCount, Arrays.copyOf(counts, groupCount), null),
                new DoubleVector(groupCount, Arrays.copyOf(means, groupCount), null),
                new DoubleVector(groupCount, Arrays.copyOf(m2s, groupCount), null),
            };
        }

        @Override
        public ColumnVector result(int groupCount) {
            double[] values = new double[groupCount];
            boolean[] nulls = new boolean[groupCount];
            for (int g = 0; g < groupCount; g++) {
                long divisor = kind.sample ? counts[g] - 1 : counts[g];
                if (divisor <= 0) {
                    nulls[g] = true;
                } else {
                    double variance = m2s[g] / divisor;
                    values[g] = kind.root ? Math.sqrt(variance) : variance;
                }
            }
            return new DoubleVector(groupCount, values, nulls);
        }

        @Override
        public long retainedBytes() {
            return 24L * counts.length;
        }
    }
}
