package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.IntVector;
import dev.ember.vector.LongVector;
import java.util.List;

/** What {@code grouping(col)} becomes once grouping sets are expanded: bit {@code shift} of the grouping id, as a tinyint. */
public final class GroupingBit extends Expression {
    private static final long serialVersionUID = 1L;

    private final Expression groupingId;
    private final int shift;
    private final String shown;

    /** @param shown the call it replaces, which names the column */
    public GroupingBit(Expression groupingId, int shift, String shown) {
        this.groupingId = groupingId;
        this.shift = shift;
        this.shown = shown;
    }

    @Override
    public List<Expression> children() {
        return List.of(groupingId);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(children(), children) ? this : new GroupingBit(children.get(0), shift, shown);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BYTE;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public IntVector eval(Batch input) {
        long[] ids = ((LongVector) groupingId.eval(input)).values();
        int n = input.rowCount();
        int[] bits = new int[n];
        for (int i = 0; i < n; i++) {
            bits[i] = (int) (ids[i] >>> shift) & 1;
        }
        return new IntVector(AtomicType.BYTE, n, bits, null);
    }

    @Override
    public String toString() {
        return shown;
    }
}
