package dev.ember.expr.aggregate;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.XxHash64;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_count_distinct(x[, rsd])}: the number of distinct non-NULL values estimated with
 * {@link HyperLogLogPlusPlus} over Spark's xxHash64 (seed 42) of each value; 0 for none. The
 * state is each group's registers as one binary value.
 */
public final class ApproxCountDistinct extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private static final long SEED = 42;
    private static final double DEFAULT_RSD = 0.05;

    public ApproxCountDistinct(List<Expression> arguments) {
        super(arguments, false);
    }

    @Override
    public String name() {
        return "approx_count_distinct";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new ApproxCountDistinct(children);
    }

    @Override
    public AggregateFunction coerceArguments() {
        if (arguments.size() < 2) {
            return this;
        }
        Expression rsd = arguments.get(1);
        if (!(rsd instanceof Literal) || !rsd.dataType().isNumeric()) {
            throw EmberException.of(ErrorClass._LEGACY_ERROR_TEMP_1104);
        }
        if (HyperLogLogPlusPlus.precisionFor(relativeSd()) < 4) {
            throw EmberException.of(ErrorClass.INTERNAL_ERROR, "message",
                    "HLL++ requires at least 4 bits for addressing. Use a lower error, at most 39%.");
        }
        return this;
    }

    private double relativeSd() {
        if (arguments.size() < 2) {
            return DEFAULT_RSD;
        }
        Object value = arguments.get(1).eval(new Batch(List.of(), 1)).getObject(0);
        return ((Number) value).doubleValue();
    }

    private HyperLogLogPlusPlus sketch() {
        return new HyperLogLogPlusPlus(HyperLogLogPlusPlus.precisionFor(relativeSd()));
    }

    @Override
    public DataType dataType() {
        return AtomicType.LONG;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(AtomicType.BINARY);
    }

    /** Spark's column name leaves out the relative deviation. */
    @Override
    public String toString() {
        return name() + "(" + arguments.get(0) + ")";
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        HyperLogLogPlusPlus sketch = sketch();
        int width = sketch.registerCount();
        return new GroupedAccumulator() {
            private byte[] registers = new byte[GroupCapacity.INITIAL * width];

            private void ensure(int[] groupIds, int rowCount) {
                int groups = GroupCapacity.holding(groupIds, rowCount, registers.length / width);
                if ((long) groups * width > registers.length) {
                    registers = Arrays.copyOf(registers, Math.multiplyExact(groups, width));
                }
            }

            @Override
            public void update(int[] groupIds, int rowCount, ColumnVector input) {
                ensure(groupIds, rowCount);
                for (int i = 0; i < rowCount; i++) {
                    if (!input.isNull(i)) {
                        sketch.add(registers, groupIds[i] * width, XxHash64.hashAt(input, i, SEED));
                    }
                }
            }

            @Override
            public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
                ensure(groupIds, rowCount);
                StringVector partial = (StringVector) state[0];
                for (int i = 0; i < rowCount; i++) {
                    sketch.merge(registers, groupIds[i] * width, partial.bytes(), partial.start(i));
                }
            }

            @Override
            public ColumnVector[] state(int groupCount) {
                VectorBuilder.StringBuilder out = (VectorBuilder.StringBuilder) VectorBuilder.create(AtomicType.BINARY, groupCount);
                ensure(new int[] {groupCount - 1}, 1);
                for (int g = 0; g < groupCount; g++) {
                    out.appendBytes(registers, g * width, width);
                }
                return new ColumnVector[] {out.build()};
            }

            @Override
            public ColumnVector result(int groupCount) {
                ensure(new int[] {groupCount - 1}, 1);
                long[] estimates = new long[groupCount];
                for (int g = 0; g < groupCount; g++) {
                    estimates[g] = sketch.estimate(registers, g * width);
                }
                return new LongVector(AtomicType.LONG, groupCount, estimates, null);
            }

            @Override
            public long retainedBytes() {
                return registers.length;
            }
        };
    }
}
