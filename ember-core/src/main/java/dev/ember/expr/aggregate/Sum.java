package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import java.util.List;

/** {@code sum(x)}: bigint for integral input, decimal(p+10, s) for decimals, double otherwise; NULL for no values. */
public final class Sum extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public Sum(Expression argument, boolean distinct) {
        super(List.of(argument), distinct);
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Sum(children.get(0), distinct);
    }

    @Override
    public DataType dataType() {
        return Sums.sumType(arguments.get(0).dataType());
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType(), dev.ember.sql.types.AtomicType.LONG);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        Sums sums = new Sums(dataType());
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
                return new ColumnVector[] {sums.sums(groupCount), counts(sums, groupCount)};
            }

            @Override
            public ColumnVector result(int groupCount) {
                return sums.sums(groupCount);
            }

            @Override
            public long retainedBytes() {
                return sums.retainedBytes();
            }
        };
    }

    static ColumnVector counts(Sums sums, int groupCount) {
        long[] counts = new long[groupCount];
        for (int g = 0; g < groupCount; g++) {
            counts[g] = sums.count(g);
        }
        return new LongVector(dev.ember.sql.types.AtomicType.LONG, groupCount, counts, null);
    }
}
