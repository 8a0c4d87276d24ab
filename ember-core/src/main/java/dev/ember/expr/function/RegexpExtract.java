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
import java.util.regex.Matcher;

/**
 * {@code regexp_extract(str, regex, group)}: the group of the first match, '' when there is none;
 * {@code regexp_extract_all}: the group of every match, as an array. Group 0 is the whole match.
 */
public final class RegexpExtract extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean all;

    public RegexpExtract(boolean all, List<Expression> arguments) {
        super(arguments);
        this.all = all;
    }

    @Override
    public String name() {
        return all ? "regexp_extract_all" : "regexp_extract";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new RegexpExtract(all, newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(List.of(castTo(arguments.get(0), AtomicType.STRING), castTo(arguments.get(1), AtomicType.STRING),
                castTo(arguments.get(2), AtomicType.INT)));
    }

    @Override
    public DataType dataType() {
        return all ? new ArrayType(AtomicType.STRING, false) : AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        StringVector regexes = (StringVector) arguments.get(1).eval(input);
        ColumnVector groups = arguments.get(2).eval(input);
        Regexes compiled = new Regexes(name());
        VectorBuilder out = VectorBuilder.create(dataType(), n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, strings, regexes, groups)) {
                out.appendNull();
                continue;
            }
            int group = ((Number) groups.getObject(i)).intValue();
            Matcher matcher = compiled.compile(regexes.getString(i)).matcher(strings.getString(i));
            if (all) {
                VectorBuilder.ArrayBuilder arrays = (VectorBuilder.ArrayBuilder) out;
                while (matcher.find()) {
                    arrays.elements().appendObject(group(matcher, group));
                }
                arrays.endArray();
            } else {
                out.appendObject(matcher.find() ? group(matcher, group) : "");
            }
        }
        return out.build();
    }

    /** The group's text, '' when it took no part in the match; an error when the regex has no such group. */
    private String group(Matcher matcher, int group) {
        if (group < 0 || group > matcher.groupCount()) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`idx`", "function", "`" + name() + "`",
                    "detail", "Expects group index between 0 and " + matcher.groupCount() + ", but got " + group);
        }
        String text = matcher.group(group);
        return text == null ? "" : text;
    }
}
