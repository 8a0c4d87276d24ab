package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.IntVector;
import dev.ember.vector.StringVector;
import java.util.List;

/**
 * {@code locate(substr, str, start)}: the 1-based character position of the first occurrence of
 * {@code substr} at or after {@code start}, 0 when there is none or start is below 1. A NULL start
 * gives 0 rather than NULL, as in Spark (and Hive). Also {@code instr} and {@code position}.
 */
public final class Locate extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public Locate(Expression substring, Expression string, Expression start) {
        super(List.of(substring, string, start));
    }

    @Override
    public String name() {
        return "locate";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Locate(newArguments.get(0), newArguments.get(1), newArguments.get(2));
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), AtomicType.STRING), castTo(arguments.get(1), AtomicType.STRING),
                castTo(arguments.get(2), AtomicType.INT)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.INT;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector substrings = (StringVector) arguments.get(0).eval(input);
        StringVector strings = (StringVector) arguments.get(1).eval(input);
        IntVector starts = (IntVector) arguments.get(2).eval(input);
        int[] out = new int[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (starts.isNull(i)) {
                continue;
            }
            if (anyNull(i, substrings, strings)) {
                nulls[i] = true;
                continue;
            }
            out[i] = locate(substrings.getString(i), strings.getString(i), starts.get(i));
        }
        return new IntVector(AtomicType.INT, n, out, nulls);
    }

    /** The 1-based code-point position of {@code needle} in {@code s} from code point {@code start}, or 0. */
    static int locate(String needle, String s, int start) {
        if (start < 1) {
            return 0;
        }
        if (needle.isEmpty()) {
            return 1;
        }
        int codePoints = s.codePointCount(0, s.length());
        if (start > codePoints) {
            return 0;
        }
        int found = s.indexOf(needle, s.offsetByCodePoints(0, start - 1));
        return found < 0 ? 0 : s.codePointCount(0, found) + 1;
    }
}
