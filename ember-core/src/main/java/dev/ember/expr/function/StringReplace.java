package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code replace(str, search, replacement)}: every occurrence replaced, left to right; an empty
 * search leaves the string as it is. {@code translate(str, from, to)}: each character of
 * {@code from} becomes the character at the same place in {@code to}, or is removed when
 * {@code to} is shorter.
 */
public final class StringReplace extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    private final boolean perCharacter;

    public StringReplace(boolean perCharacter, List<Expression> arguments) {
        super(arguments);
        this.perCharacter = perCharacter;
    }

    @Override
    public String name() {
        return perCharacter ? "translate" : "replace";
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new StringReplace(perCharacter, newArguments);
    }

    @Override
    public Expression coerceArguments() {
        return withNewChildren(arguments.stream().map(a -> castTo(a, AtomicType.STRING)).toList());
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        StringVector searches = (StringVector) arguments.get(1).eval(input);
        StringVector replacements = (StringVector) arguments.get(2).eval(input);
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (anyNull(i, strings, searches, replacements)) {
                out.appendNull();
                continue;
            }
            String s = strings.getString(i);
            String search = searches.getString(i);
            String replacement = replacements.getString(i);
            out.appendObject(perCharacter ? translate(s, search, replacement)
                    : search.isEmpty() ? s : s.replace(search, replacement));
        }
        return out.build();
    }

    static String translate(String s, String from, String to) {
        int[] fromChars = from.codePoints().toArray();
        int[] toChars = to.codePoints().toArray();
        Map<Integer, Integer> mapping = new HashMap<>();
        for (int i = 0; i < fromChars.length; i++) {
            // The first mapping of a character wins; -1 removes it.
            mapping.putIfAbsent(fromChars[i], i < toChars.length ? toChars[i] : -1);
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int mapped = mapping.getOrDefault(c, c);
            if (mapped >= 0) {
                out.appendCodePoint(mapped);
            }
        });
        return out.toString();
    }
}
