package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code regexp_replace(str, regex, replacement, position)}: every match from the 1-based
 * position on replaced, with Java's {@code $1} group references in the replacement.
 */
public final class RegexpReplace extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public RegexpReplace(List<Expression> arguments) {
        super(arguments);
    }

    @Override
    public String name() {
        return "regexp_replace";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new RegexpReplace(newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), AtomicType.STRING), castTo(arguments.get(1), AtomicType.STRING),
                castTo(arguments.get(2), AtomicType.STRING), castTo(arguments.get(3), AtomicType.INT)));
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        StringVector regexes = (StringVector) arguments.get(1).eval(input);
        StringVector replacements = (StringVector) arguments.get(2).eval(input);
        ColumnVector positions = arguments.get(3).eval(input);
        Regexes compiled = new Regexes(name());
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, strings, regexes, replacements, positions)) {
                out.appendNull();
                continue;
            }
            int position = ((Number) positions.getObject(i)).intValue();
            if (position < 1) {
                throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`position`", "function", "`regexp_replace`",
                        "detail", "expects a positive value, but got " + position);
            }
            String s = strings.getString(i);
            int start = position - 1;
            if (start > 0 && start >= s.length()) {
                // Spark leaves the string as it is when the search would start at or past its end.
                out.appendObject(s);
                continue;
            }
            Matcher matcher = compiled.compile(regexes.getString(i)).matcher(s);
            matcher.region(start, s.length());
            StringBuilder result = new StringBuilder(s.length());
            String replacement = replacements.getString(i);
            while (matcher.find()) {
                matcher.appendReplacement(result, replacement);
            }
            matcher.appendTail(result);
            out.appendObject(result.toString());
        }
        return out.build();
    }
}
