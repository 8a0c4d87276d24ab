package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code value IN (e1, e2, ...)}: true when some element equals the value; otherwise NULL when the
 * value or some element is NULL; otherwise false.
 */
public final class In extends Expression {
    private static final long serialVersionUID = 1L;

    private final Expression value;
    private final List<Expression> list;
    /** The list's values when it holds only literals of the value's type, built on first use. */
    private transient volatile ConstantList constants;

    public In(Expression value, List<Expression> list) {
        this.value = requireNonNull(value, "value is null");
        this.list = List.copyOf(list);
    }

    public Expression value() {
        return value;
    }

    public List<Expression> list() {
        return list;
    }

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>(list.size() + 1);
        children.add(value);
        children.addAll(list);
        return children;
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return sameChildren(children(), children) ? this : new In(children.get(0), children.subList(1, children.size()));
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public boolean foldable() {
        return value.foldable() && list.stream().allMatch(Expression::foldable);
    }

    @Override
    public ColumnVector eval(Batch input) {
        ConstantList constantList = constantList();
        if (constantList.values() != null) {
            int n = input.rowCount();
            return ComparisonKernel.in(value.eval(input), constantList.values(), constantList.containsNull(), Selection.all(n), n, n);
        }
        return evalEach(input);
    }

    /** A column against literals is read in place; any other value is computed on a copy of the rows, as it may fail. */
    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        ConstantList constantList = constantList();
        if (value instanceof BoundReference && constantList.values() != null) {
            return ComparisonKernel.in(value.eval(input), constantList.values(), constantList.containsNull(), rows, count, input.rowCount());
        }
        return super.evalAt(input, rows, count);
    }

    /** In place, choosing the rows as it tests them, when neither the column nor the list holds a NULL. */
    @Override
    protected int selectNonNull(Batch input, int[] rows, int count, int[] selected) {
        ConstantList constantList = constantList();
        if (!(value instanceof BoundReference) || constantList.values() == null || constantList.containsNull()) {
            return -1;
        }
        ColumnVector x = value.eval(input);
        return x.mayHaveNulls() ? -1 : ComparisonKernel.selectIn(x, constantList.values(), rows, count, input.rowCount(), selected);
    }

    /** The list's non-null values as one vector ({@code null} when some element is not a literal of the value's type), and whether it holds a NULL. */
    private record ConstantList(ColumnVector values, boolean containsNull) {
    }

    private ConstantList constantList() {
        ConstantList known = constants;
        if (known == null) {
            known = new ConstantList(null, false);
            if (list.stream().allMatch(element -> element instanceof Literal literal && literal.dataType().equals(value.dataType()))) {
                VectorBuilder values = VectorBuilder.create(value.dataType(), list.size());
                list.stream().map(element -> ((Literal) element).value()).filter(Objects::nonNull).forEach(values::appendObject);
                known = new ConstantList(values.build(), list.stream().anyMatch(element -> ((Literal) element).isNull()));
            }
            constants = known;
        }
        return known;
    }

    /** Element by element, for lists that are not all literals. */
    private ColumnVector evalEach(Batch input) {
        ColumnVector needle = value.eval(input);
        int n = input.rowCount();
        boolean[] found = new boolean[n];
        boolean[] sawNull = new boolean[n];
        for (Expression element : list) {
            ColumnVector candidates = element.eval(input);
            for (int i = 0; i < n; i++) {
                if (found[i]) {
                    continue;
                }
                if (needle.isNull(i) || candidates.isNull(i)) {
                    sawNull[i] = true;
                } else if (needle.equalsAt(i, candidates, i)) {
                    found[i] = true;
                }
            }
        }
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (!found[i] && (sawNull[i] || needle.isNull(i))) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            }
        }
        return new BooleanVector(n, found, nulls);
    }

    @Override
    public String toString() {
        return "(" + value + " IN (" + list.stream().map(Object::toString).collect(Collectors.joining(", ")) + "))";
    }
}
