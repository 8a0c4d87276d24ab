package dev.ember.expr.aggregate;

import dev.ember.exec.KeyTable;
import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.VectorBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code collect_list(x)} (also {@code array_agg}) and {@code collect_set(x)}: the non-NULL values of a
 * group as an array, an empty array for none. The set keeps each value once, in the order first seen.
 *
 * <p>Elements of all groups are appended to one builder as they come, with the group of each; the
 * result sorts them by group, keeping arrival order within a group.
 */
public final class Collect extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final boolean set;

    public Collect(boolean set, Expression argument, boolean distinct) {
        super(List.of(argument), distinct);
        this.set = set;
    }

    /** {@code array_agg} is shown as {@code collect_list}, as Spark names it. */
    @Override
    public boolean dependsOnInputOrder() {
        return true;
    }

    @Override
    public String name() {
        return set ? "collect_set" : "collect_list";
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(arguments, children) ? this : new Collect(set, children.get(0), distinct);
    }

    @Override
    public DataType dataType() {
        return new ArrayType(arguments.get(0).dataType(), false);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType());
    }

    @Override
    public GroupedAccumulator newAccumulator() {
        return new Accumulator();
    }

    private final class Accumulator implements GroupedAccumulator {
        private final DataType elementType = arguments.get(0).dataType();
        private final VectorBuilder elements = VectorBuilder.create(elementType, 16);
        private final KeyTable seen = set ? new KeyTable(List.of(AtomicType.INT, elementType)) : null;
        private int[] groupOf = new int[16];
        /** The elements' bytes, estimated from the vectors they were copied from. */
        private long elementBytes;

        @Override
        public void update(int[] groupIds, int rowCount, ColumnVector input) {
            boolean[] fresh = null;
            if (set) {
                int before = seen.size();
                int[] ids = seen.findOrInsert(new ColumnVector[] {new IntVector(AtomicType.INT, rowCount, groupIds, null), input}, rowCount);
                fresh = new boolean[rowCount];
                for (int i = 0, next = before; i < rowCount; i++) {
                    if (ids[i] == next) {
                        fresh[i] = true;
                        next++;
                    }
                }
            }
            int before = elements.size();
            for (int i = 0; i < rowCount; i++) {
                if (input.isNull(i) || fresh != null && !fresh[i]) {
                    continue;
                }
                if (elements.size() == groupOf.length) {
                    groupOf = Arrays.copyOf(groupOf, groupOf.length * 2);
                }
                groupOf[elements.size()] = groupIds[i];
                elements.appendFrom(input, i);
            }
            if (input.size() > 0) {
                elementBytes += (elements.size() - before) * Math.max(1, input.retainedBytes() / input.size());
            }
        }

        @Override
        public void merge(int[] groupIds, int rowCount, ColumnVector[] state) {
            ArrayVector arrays = (ArrayVector) state[0];
            int total = arrays.start(rowCount) - arrays.start(0);
            int[] elementGroups = new int[total];
            int[] positions = new int[total];
            int at = 0;
            for (int i = 0; i < rowCount; i++) {
                for (int e = arrays.start(i); e < arrays.start(i) + arrays.length(i); e++) {
                    elementGroups[at] = groupIds[i];
                    positions[at++] = e;
                }
            }
            update(elementGroups, at, arrays.elements().gather(positions, at));
        }

        @Override
        public ColumnVector[] state(int groupCount) {
            return new ColumnVector[] {result(groupCount)};
        }

        @Override
        public ColumnVector result(int groupCount) {
            int count = elements.size();
            int[] offsets = new int[groupCount + 1];
            for (int e = 0; e < count; e++) {
                offsets[groupOf[e] + 1]++;
            }
            for (int g = 0; g < groupCount; g++) {
                offsets[g + 1] += offsets[g];
            }
            int[] next = Arrays.copyOf(offsets, groupCount);
            int[] order = new int[count];
            for (int e = 0; e < count; e++) {
                order[next[groupOf[e]]++] = e;
            }
            ColumnVector all = elements.build();
            return new ArrayVector((ArrayType) dataType(), groupCount, offsets, all.gather(order, count), null);
        }

        @Override
        public long retainedBytes() {
            return 4L * groupOf.length + elementBytes + (seen == null ? 0 : seen.retainedBytes());
        }
    }
}
