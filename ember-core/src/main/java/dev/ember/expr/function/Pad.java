package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code lpad(str, len, pad)} and {@code rpad}: the string padded with repeats of {@code pad} to
 * {@code len} characters, or cut to them; '' for a length of 0 or less; unchanged (but cut) when the
 * pad is empty.
 */
public final class Pad extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean left;

    public Pad(boolean left, List<Expression> arguments) {
        super(arguments);
        this.left = left;
    }

    @Override
    public String name() {
        return left ? "lpad" : "rpad";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Pad(left, newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), AtomicType.STRING), castTo(arguments.get(1), AtomicType.INT),
                castTo(arguments.get(2), AtomicType.STRING)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        IntVector lengths = (IntVector) arguments.get(1).eval(input);
        StringVector pads = (StringVector) arguments.get(2).eval(input);
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, strings, lengths, pads)) {
                out.appendNull();
            } else {
                out.appendObject(pad(strings.getString(i), lengths.get(i), pads.getString(i), left));
            }
        }
        return out.build();
    }

    /** Pads or cuts {@code s} to {@code length} code points. */
    static String pad(String s, int length, String pad, boolean left) {
        int[] chars = s.codePoints().toArray();
        if (length <= 0) {
            return "";
        }
        int missing = length - chars.length;
        if (missing <= 0 || pad.isEmpty()) {
            return new String(chars, 0, Math.min(length, chars.length));
        }
        int[] padChars = pad.codePoints().toArray();
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < missing; i++) {
            filler.appendCodePoint(padChars[i % padChars.length]);
        }
        return left ? filler + s : s + filler;
    }
}
