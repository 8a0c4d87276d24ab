package dev.ember.expr.aggregate;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import java.util.List;

/**
 * {@code first(x)} and {@code last(x)} (also {@code first_value}, {@code last_value}, {@code any_value}):
 * the value of the first or last row a group sees, skipping NULLs when {@code ignoreNulls}. The
 * order rows arrive in is only determined under a window's ORDER BY. The state is the value and
 * whether one was seen, so that a NULL first value is told apart from no value. Spark's column name
 * leaves out {@code ignoreNulls}.
 */
public final class FirstLast extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean last;
    private final boolean ignoreNulls;

    public FirstLast(String name, boolean last, Expression argument, boolean ignoreNulls) {
        super(List.of(argument), false);
        this.name = name;
        this.last = last;
        this.ignoreNulls = ignoreNulls;
    }

    @Override
    public boolean dependsOnInputOrder() {
        return true;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new FirstLast(name, last, children.get(0), ignoreNulls);
    }

    @Override
    public DataType dataType() {
        return arguments.get(0).dataType();
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType(), AtomicType.BOOLEAN);
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new GroupedAccumulator() {
            private final ValueSlots chosen = new ValueSlots();

            @Override
            public void update(int[] groupIds, int rowCount, ColumnVector input) {
                for (int i = 0; i < rowCount; i++) {
                    offer(groupIds[i], input, i);
                }
            }

            private void offer(int group, ColumnVector values, int position) {
                if ((!ignoreNulls || !values.isNull(position)) && (last || !chosen.isSet(group))) {
                    chosen.set(group, values, position);
                }
            }

            @Override
            public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
                BooleanVector seen = (BooleanVector) state[1];
                for (int i = 0; i < rowCount; i++) {
                    if (seen.get(i)) {
                        offer(groupIds[i], state[0], i);
                    }
                }
            }

            @Override
            public ColumnVector[] state(int groupCount) {
                return new ColumnVector[] {result(groupCount), chosen.setFlags(groupCount)};
            }

            @Override
            public ColumnVector result(int groupCount) {
                return chosen.values(dataType(), groupCount);
            }

            @Override
            public long retainedBytes() {
                return chosen.retainedBytes();
            }
        };
    }
}
