package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code count(x, ...)}: the rows where no argument is NULL ({@code count(1)} for {@code count(*)});
 * 0 for an empty group. With DISTINCT, the distinct tuples of such rows.
 */
public final class Count extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public Count(List<Expression> arguments, boolean distinct) {
        super(arguments, distinct);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("count needs at least one argument");
        }
    }

    public Count(Expression argument, boolean distinct) {
        this(List.of(argument), distinct);
    }

    /** Only nulls matter: a row counts when it is NULL in no argument. */
    @Override
    public ColumnVector input(ColumnVector[] columns) {
        if (columns.length == 1) {
            return columns[0];
        }
        int n = columns[0].size();
        boolean[] nulls = null;
        for (ColumnVector column : columns) {
            if (!column.mayHaveNulls()) {
                continue;
            }
            nulls = nulls == null ? new boolean[n] : nulls;
            for (int i = 0; i < n; i++) {
                nulls[i] |= column.isNull(i);
            }
        }
        return new BooleanVector(n, new boolean[n], nulls);
    }

    @Override
    public String name() {
        return "count";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Count(children, distinct);
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
        return List.of(AtomicType.LONG);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new Accumulator();
    }

    private static final class Accumulator implements GroupedAccumulator {
        private long[] counts = new long[GroupCapacity.INITIAL];

        /** Grows the counts to hold every group named; the one group all the rows are in, else -1. */
        private int ensure(int[] groupIds, int rowCount) {
            GroupCapacity.IdBits ids = GroupCapacity.IdBits.of(groupIds, rowCount);
            int capacity = ids.capacity(counts.length);
            if (capacity > counts.length) {
                counts = Arrays.copyOf(counts, capacity);
            }
            return ids.onlyGroup();
        }

        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector input) {
            int onlyGroup = ensure(groupIds, rowCount);
            boolean[] nulls = input.mayHaveNulls() ? input.nulls() : null;
            if (onlyGroup >= 0) {
                // One group (as without grouping keys): a sum, not a counter bumped row by row.
                int present = rowCount;
                if (nulls != null) {
                    for (int i = 0; i < rowCount; i++) {
                        present -= nulls[i] ? 1 : 0;
                    }
                }
                counts[onlyGroup] += present;
            } else if (nulls == null) {
                for (int i = 0; i < rowCount; i++) {
                    counts[groupIds[i]]++;
                }
            } else {
                for (int i = 0; i < rowCount; i++) {
                    if (!nulls[i]) {
                        counts[groupIds[i]]++;
                    }
                }
            }
        }

        @Override
        public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
            ensure(groupIds, rowCount);
            long[] partial = ((LongVector) state[0]).values();
            for (int i = 0; i < rowCount; i++) {
                counts[groupIds[i]] += partial[i];
            }
        }

        @Override
        public ColumnVector[] state(int groupCount) {
            return new ColumnVector[] {result(groupCount)};
        }

        @Override
        public ColumnVector result(int groupCount) {
            return new LongVector(AtomicType.LONG, groupCount, Arrays.copyOf(counts, groupCount), null);
        }

        @Override
        public long retainedBytes() {
            return 8L * counts.length;
        }
    }
}
