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
 * {@code substring_index(str, delim, count)}: the part of str before the count-th occurrence of delim,
 * or, for a negative count, after the count-th occurrence from the end; all of str when delim occurs
 * fewer times, '' when count is 0 or delim is empty. Occurrences may overlap, as in Spark.
 */
public final class SubstringIndex extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public SubstringIndex(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "substring_index";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new SubstringIndex(newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withInputTypes(AtomicType.STRING, AtomicType.STRING, AtomicType.INT);
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        StringVector delimiters = (StringVector) arguments.get(1).eval(input);
        IntVector counts = (IntVector) arguments.get(2).eval(input);
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, strings, delimiters, counts)) {
                out.appendNull();
            } else {
                out.appendObject(substringIndex(strings.getString(i), delimiters.getString(i), counts.get(i)));
            }
        }
        return out.build();
    }

    static String substringIndex(String string, String delimiter, int count) {
        if (delimiter.isEmpty() || count == 0) {
            return "";
        }
        if (count > 0) {
            int at = -1;
            for (int found = 0; found < count; found++) {
                at = string.indexOf(delimiter, at + 1);
                if (at < 0) {
                    return string;
                }
            }
            return string.substring(0, at);
        }
        int at = string.length();
        for (int found = 0; found > count; found--) {
            at = at == 0 ? -1 : string.lastIndexOf(delimiter, at - 1);
            if (at < 0) {
                return string;
            }
        }
        return string.substring(at + delimiter.length());
    }
}
