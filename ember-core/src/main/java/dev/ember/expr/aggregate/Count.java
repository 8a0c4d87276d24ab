package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code count(x, ...)}: the rows where no argument is NULL ({@code count(1)} for {@code count(*)});
 * 0 for an empty group. With DISTINCT, distinct tuples of the arguments.
 */
public final class Count extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public Count(Expression argument, boolean distinct) {
        this(List.of(argument), distinct);
    }

    public Count(List<Expression> arguments, boolean distinct) {
        super(arguments, distinct);
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

    /** Only the NULLs matter: a row counts when no argument is NULL there. */
    @Override
    public ColumnVector accumulatorInput(List<ColumnVector> evaluatedArguments) {
        if (evaluatedArguments.size() == 1) {
            return evaluatedArguments.get(0);
        }
        int size = evaluatedArguments.get(0).size();
        boolean[] anyNull = null;
        for (ColumnVector argument : evaluatedArguments) {
            if (argument.mayHaveNulls()) {
                anyNull = anyNull == null ? new boolean[size] : anyNull;
                boolean[] nulls = argument.nulls();
                for (int i = 0; i < size; i++) {
                    anyNull[i] |= nulls[i];
                }
            }
        }
        return new LongVector(AtomicType.LONG, size, new long[size], anyNull);
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
        private long[] counts = new long[16];

        private void ensure(int[] groupIds, int rowCount) {
            int max = -1;
            for (int i = 0; i < rowCount; i++) {
                max = Math.max(max, groupIds[i]);
            }
            if (max >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(max + 1, counts.length * 2));
            }
        }

        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector input) {
            ensure(groupIds, rowCount);
            if (!input.mayHaveNulls()) {
                for (int i = 0; i < rowCount; i++) {
                    counts[groupIds[i]]++;
                }
            } else {
                boolean[] nulls = input.nulls();
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
