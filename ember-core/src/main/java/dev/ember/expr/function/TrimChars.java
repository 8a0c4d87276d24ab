package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;

/**
 * {@code TRIM(BOTH | LEADING | TRAILING chars FROM str)}: removes every character of {@code chars}
 * from the ends of {@code str}. Spark's two-argument {@code trim}, {@code ltrim} and {@code rtrim}
 * take the characters first, so the arguments are {@code (chars, str)}.
 */
public final class TrimChars extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Side { BOTH, LEADING, TRAILING }

    private final Side side;

    public TrimChars(Side side, Expression characters, Expression string) {
        super(List.of(characters, string));
        this.side = side;
    }

    @Override
    public String name() {
        return switch (side) {
            case BOTH -> "trim";
            case LEADING -> "ltrim";
            case TRAILING -> "rtrim";
        };
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new TrimChars(side, newArguments.get(0), newArguments.get(1));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), AtomicType.STRING), castTo(arguments.get(1), AtomicType.STRING)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector characters = (StringVector) arguments.get(0).eval(input);
        StringVector strings = (StringVector) arguments.get(1).eval(input);
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, characters, strings)) {
                out.appendNull();
            } else {
                out.appendObject(trim(strings.getString(i), characters.getString(i), side));
            }
        }
        return out.build();
    }

    static String trim(String s, String characters, Side side) {
        int from = 0;
        int to = s.length();
        while (side != Side.TRAILING && from < to && characters.indexOf(s.codePointAt(from)) >= 0) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (side != Side.LEADING && to > from && characters.indexOf(s.codePointBefore(to)) >= 0) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }

    @Override
    public String toString() {
        return "TRIM(" + side + " " + arguments.get(0) + " FROM " + arguments.get(1) + ")";
    }
}
