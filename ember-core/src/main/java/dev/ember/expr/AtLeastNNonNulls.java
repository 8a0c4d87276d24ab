package dev.ember.expr;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DoubleVector;
import java.util.List;
import java.util.stream.Collectors;

/** Whether at least n of the children are neither NULL nor NaN: the condition of {@code na().drop()}. Never NULL. */
public final class AtLeastNNonNulls extends Expression {
    private static final long serialVersionUID = 1L;

    private final int n;
    private final List<Expression> children;

    public AtLeastNNonNulls(int n, List<Expression> children) {
        this.n = n;
        this.children = List.copyOf(children);
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    public Expression withNewChildren(List<Expression> newChildren) {
        return sameChildren(children, newChildren) ? this : new AtLeastNNonNulls(n, newChildren);
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int rows = input.rowCount();
        int[] present = new int[rows];
        for (Expression child : children) {
            ColumnVector value = child.eval(input);
            double[] doubles = value instanceof DoubleVector d ? d.values() : null;
            for (int i = 0; i < rows; i++) {
                if (!value.isNull(i) && (doubles == null || !Double.isNaN(doubles[i]))) {
                    present[i]++;
                }
            }
        }
        boolean[] out = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = present[i] >= n;
        }
        return new BooleanVector(rows, out, null);
    }

    @Override
    public String toString() {
        return children.stream().map(Object::toString).collect(Collectors.joining(", ", "atleastnnonnulls(" + n + ", ", ")"));
    }
}
