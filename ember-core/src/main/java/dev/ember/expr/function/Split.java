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
            }
            int limit = limits == null ? -1 : ((Number) limits.getObject(i)).intValue();
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
}
