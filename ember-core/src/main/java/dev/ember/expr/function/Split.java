package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code split(str, regex[, limit])}: the pieces around matches of the regex, as Spark (trailing empty strings kept). */
public final class Split extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public Split(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "split";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new Split(newArguments);
    }

    @Override
    public DataType dataType() {
        return new ArrayType(AtomicType.STRING, false);
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        StringVector regexes = (StringVector) arguments.get(1).eval(input);
        ColumnVector limits = arguments.size() > 2 ? arguments.get(2).eval(input) : null;
        VectorBuilder.ArrayBuilder out = (VectorBuilder.ArrayBuilder) VectorBuilder.create(dataType(), n);
        String lastRegex = null;
        Pattern pattern = null;
        int delimiter = -1;
        for (int i = 0; i < n; i++) {
            if (strings.isNull(i) || regexes.isNull(i) || (limits != null && limits.isNull(i))) {
                out.appendNull();
                continue;
            }
            String regex = regexes.getString(i);
            if (!regex.equals(lastRegex)) {
                try {
                    pattern = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`regex`", "function", "`split`",
                            "detail", e.getDescription() + " in '" + regex + "'");
                }
                lastRegex = regex;
                delimiter = literalByte(regex);
            }
            int limit = limits == null ? -1 : ((Number) limits.getObject(i)).intValue();
            if (delimiter >= 0) {
                splitBytes(strings, i, (byte) delimiter, limit, (VectorBuilder.StringBuilder) out.elements());
                out.endArray();
                continue;
            }
            String s = strings.getString(i);
            // Spark splits an empty string into one empty string and keeps trailing empty strings (limit -1).
            String[] pieces = s.isEmpty() ? new String[] {""} : pattern.split(s, limit > 0 ? limit : -1);
            for (String piece : pieces) {
                out.elements().appendObject(piece);
            }
            out.endArray();
        }
        return out.build();
    }

    /**
     * The character a regex matches when it is one ASCII character taken literally (as in the common
     * {@code split(line, ' ')}), else -1. Such a byte never occurs inside a multi-byte UTF-8
     * character, so the string's bytes can be split where it occurs, without making Java strings.
     */
    static int literalByte(String regex) {
        if (regex.length() == 1 && regex.charAt(0) < 128 && ".$|()[{^?*+\\".indexOf(regex.charAt(0)) < 0) {
            return regex.charAt(0);
        }
        if (regex.length() == 2 && regex.charAt(0) == '\\' && regex.charAt(1) < 128 && !Character.isLetterOrDigit(regex.charAt(1))) {
            return regex.charAt(1);
        }
        return -1;
    }

    /** The pieces of string {@code row} around {@code delimiter}, as {@link Pattern#split} gives them (at most {@code limit} if positive). */
    private static void splitBytes(StringVector strings, int row, byte delimiter, int limit, VectorBuilder.StringBuilder pieces) {
        byte[] bytes = strings.bytes();
        int from = strings.start(row);
        int end = from + strings.length(row);
        int count = 1;
        for (int at = from; at < end; at++) {
            if (bytes[at] == delimiter && (limit <= 0 || count < limit)) {
                pieces.appendBytes(bytes, from, at - from);
                from = at + 1;
                count++;
            }
        }
        pieces.appendBytes(bytes, from, end - from);
    }
}
