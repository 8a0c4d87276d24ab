package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.ArrayVector;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.PositionSort;
import dev.ember.vector.VectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Functions of an array's elements: {@code sort_array(a[, ascending])} (NULLs first ascending, last
 * descending), {@code array_distinct(a)} (first occurrences, in order), {@code reverse(a)} (the
 * analyzer's form of {@code reverse} on an array), {@code array_max(a)} /
 * {@code array_min(a)} (NULL elements skipped, NULL for none) and {@code array_contains(a, v)}
 * (NULL when not found but the array holds a NULL). A NULL array gives NULL.
 */
public final class ArrayElements extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Kind { SORT_ARRAY, ARRAY_DISTINCT, REVERSE, ARRAY_MAX, ARRAY_MIN, ARRAY_CONTAINS }

    private final Kind kind;

    public ArrayElements(Kind kind, List<Expression> arguments) {
        super(kind == Kind.SORT_ARRAY && arguments.size() == 1 ? List.of(arguments.get(0), Literal.of(true)) : arguments);
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new ArrayElements(kind, newArguments);
    }

    @Override
    public Expression coerceArguments() {
        Expression array = arguments.get(0);
        if (array.dataType() == AtomicType.NULL) {
            return copy(replaceFirst(castTo(array, new ArrayType(AtomicType.NULL, true))));
        }
        if (!(array.dataType() instanceof ArrayType type)) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "parameter 1 requires the \"ARRAY\" type, however \"" + array + "\" has the type \""
                            + array.dataType().simpleString().toUpperCase(Locale.ROOT) + "\"");
        }
        if (kind == Kind.SORT_ARRAY && !(arguments.get(1) instanceof Literal literal && literal.value() instanceof Boolean)) {
            throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                    "the input `ascendingOrder` should be a boolean literal; however, got \"" + arguments.get(1) + "\"");
        }
        if (kind == Kind.ARRAY_CONTAINS) {
            Expression value = arguments.get(1);
            if (value.dataType() == AtomicType.NULL) {
                throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                        "Null typed values cannot be used as arguments of `array_contains`");
            }
            if (value.dataType() != type.elementType()
                    && !(value.dataType().isNumeric() && type.elementType().isNumeric())) {
                throw EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + this + "\"", "detail",
                        "input to function `array_contains` should have been \"ARRAY\" followed by a value with same element type, but it's [\""
                                + type.simpleString().toUpperCase(Locale.ROOT) + "\", \"" + value.dataType().simpleString().toUpperCase(Locale.ROOT) + "\"]");
            }
            return copy(List.of(array, castTo(value, type.elementType())));
        }
        return this;
    }

    private List<Expression> replaceFirst(Expression first) {
        List<Expression> all = new ArrayList<>(arguments);
        all.set(0, first);
        return all;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case SORT_ARRAY, ARRAY_DISTINCT, REVERSE -> arguments.get(0).dataType();
            case ARRAY_MAX, ARRAY_MIN -> ((ArrayType) arguments.get(0).dataType()).elementType();
            case ARRAY_CONTAINS -> AtomicType.BOOLEAN;
        };
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        ArrayVector arrays = (ArrayVector) arguments.get(0).eval(input);
        ColumnVector elements = arrays.elements();
        if (kind == Kind.ARRAY_CONTAINS) {
            return contains(arrays, arguments.get(1).eval(input), n);
        }
        VectorBuilder out = VectorBuilder.create(dataType(), n);
        boolean ascending = kind != Kind.SORT_ARRAY || (Boolean) ((Literal) arguments.get(1)).value();
        PositionSort.PositionComparator order = (x, y) -> compareNullsFirst(elements, x, y);
        for (int i = 0; i < n; i++) {
            if (arrays.isNull(i)) {
                out.appendNull();
                continue;
            }
            int start = arrays.start(i);
            int length = arrays.length(i);
            switch (kind) {
                case SORT_ARRAY -> {
                    int[] positions = new int[length];
                    for (int e = 0; e < length; e++) {
                        positions[e] = start + e;
                    }
                    PositionSort.sort(positions, length, ascending ? order::compare : (x, y) -> order.compare(y, x));
                    VectorBuilder.ArrayBuilder sorted = (VectorBuilder.ArrayBuilder) out;
                    for (int position : positions) {
                        sorted.elements().appendFrom(elements, position);
                    }
                    sorted.endArray();
                }
                case ARRAY_DISTINCT -> {
                    VectorBuilder.ArrayBuilder distinct = (VectorBuilder.ArrayBuilder) out;
                    for (int e = start; e < start + length; e++) {
                        if (!seenBefore(elements, start, e)) {
                            distinct.elements().appendFrom(elements, e);
                        }
                    }
                    distinct.endArray();
                }
                case REVERSE -> {
                    VectorBuilder.ArrayBuilder reversed = (VectorBuilder.ArrayBuilder) out;
                    for (int e = start + length - 1; e >= start; e--) {
                        reversed.elements().appendFrom(elements, e);
                    }
                    reversed.endArray();
                }
                default -> {
                    int best = -1;
                    for (int e = start; e < start + length; e++) {
                        if (!elements.isNull(e) && (best < 0 || (kind == Kind.ARRAY_MAX) == elements.compareAt(e, elements, best) > 0)) {
                            best = e;
                        }
                    }
                    if (best < 0) {
                        out.appendNull();
                    } else {
                        out.appendFrom(elements, best);
                    }
                }
            }
        }
        return out.build();
    }

    private static int compareNullsFirst(ColumnVector elements, int x, int y) {
        boolean xNull = elements.isNull(x);
        boolean yNull = elements.isNull(y);
        if (xNull || yNull) {
            return Boolean.compare(!xNull, !yNull);
        }
        return elements.compareAt(x, elements, y);
    }

    private static boolean seenBefore(ColumnVector elements, int start, int e) {
        for (int earlier = start; earlier < e; earlier++) {
            boolean bothNull = elements.isNull(earlier) && elements.isNull(e);
            if (bothNull || !elements.isNull(earlier) && !elements.isNull(e) && elements.equalsAt(earlier, elements, e)) {
                return true;
            }
        }
        return false;
    }

    private static ColumnVector contains(ArrayVector arrays, ColumnVector values, int n) {
        ColumnVector elements = arrays.elements();
        boolean[] found = new boolean[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (arrays.isNull(i) || values.isNull(i)) {
                nulls[i] = true;
                continue;
            }
            boolean sawNull = false;
            for (int e = arrays.start(i); e < arrays.start(i) + arrays.length(i) && !found[i]; e++) {
                if (elements.isNull(e)) {
                    sawNull = true;
                } else {
                    found[i] = elements.equalsAt(e, values, i);
                }
            }
            nulls[i] = !found[i] && sawNull;
        }
        return new BooleanVector(n, found, nulls);
    }
}
