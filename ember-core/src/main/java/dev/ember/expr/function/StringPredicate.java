package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code startswith(a, b)}, {@code endswith(a, b)}, {@code contains(a, b)}, compared as UTF-8 bytes. */
public final class StringPredicate extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Kind { STARTSWITH, ENDSWITH, CONTAINS }

    private final Kind kind;

    public StringPredicate(Kind kind, Expression left, Expression right) {
        super(List.of(left, right));
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new StringPredicate(kind, newArguments.get(0), newArguments.get(1));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), AtomicType.STRING), castTo(arguments.get(1), AtomicType.STRING)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector left = (StringVector) arguments.get(0).eval(input);
        StringVector right = (StringVector) arguments.get(1).eval(input);
        boolean[] out = new boolean[n];
        boolean[] nulls = new boolean[n];
        byte[] a = left.bytes();
        byte[] b = right.bytes();
        for (int i = 0; i < n; i++) {
            if (anyNull(i, left, right)) {
                nulls[i] = true;
                continue;
            }
            int aStart = left.start(i);
            int aLength = left.length(i);
            int bStart = right.start(i);
            int bLength = right.length(i);
            out[i] = switch (kind) {
                case STARTSWITH -> bLength <= aLength && Arrays.equals(a, aStart, aStart + bLength, b, bStart, bStart + bLength);
                case ENDSWITH -> bLength <= aLength
                        && Arrays.equals(a, aStart + aLength - bLength, aStart + aLength, b, bStart, bStart + bLength);
                case CONTAINS -> indexOf(a, aStart, aLength, b, bStart, bLength) >= 0;
            };
        }
        return new BooleanVector(n, out, nulls);
    }

    private static int indexOf(byte[] a, int aStart, int aLength, byte[] b, int bStart, int bLength) {
        for (int at = 0; at + bLength <= aLength; at++) {
            if (Arrays.equals(a, aStart + at, aStart + at + bLength, b, bStart, bStart + bLength)) {
                return at;
            }
        }
        return -1;
    }
}
