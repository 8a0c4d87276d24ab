package dev.ember.expr.function;

import dev.ember.expr.Expression;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.util.List;
import java.util.Locale;

/** String to string functions of one argument: upper, lower, trim, ltrim, rtrim, reverse, initcap. */
public final class StringTransform extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public enum Kind { UPPER, LOWER, TRIM, LTRIM, RTRIM, REVERSE, INITCAP }

    private final Kind kind;

    public StringTransform(Kind kind, Expression argument) {
        super(List.of(argument));
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected Expression copy(List<Expression> newArguments) {
        return new StringTransform(kind, newArguments.get(0));
    }

    @Override
    public boolean nullIntolerant() {
        return kind == Kind.UPPER || kind == Kind.LOWER;
    }

    @Override
    public DataType dataType() {
        return AtomicType.STRING;
    }

    @Override
    public boolean nullable() {
        return arguments.get(0).nullable();
    }

    @Override
    public ColumnVector eval(Batch input) {
        StringVector strings = (StringVector) arguments.get(0).eval(input);
        int n = input.rowCount();
        VectorBuilder out = VectorBuilder.create(AtomicType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (strings.isNull(i)) {
                out.appendNull();
            } else {
                out.appendObject(apply(strings.getString(i)));
            }
        }
        return out.build();
    }

    private String apply(String s) {
        return switch (kind) {
            // Spark upper/lower are locale-independent.
            case UPPER -> s.toUpperCase(Locale.ROOT);
            case LOWER -> s.toLowerCase(Locale.ROOT);
            case TRIM -> strip(s, true, true);
            case LTRIM -> strip(s, true, false);
            case RTRIM -> strip(s, false, true);
            case REVERSE -> new StringBuilder(s).reverse().toString();
            case INITCAP -> initcap(s);
        };
    }

    /** Spark's trim removes spaces only (not tabs or newlines). */
    private static String strip(String s, boolean leading, boolean trailing) {
        int from = 0;
        int to = s.length();
        while (leading && from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (trailing && to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ';
        }
        return out.toString();
    }
}
