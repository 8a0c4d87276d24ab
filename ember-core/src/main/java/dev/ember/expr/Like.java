package dev.ember.expr;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code str LIKE pattern [ESCAPE c]} ({@code _} one character, {@code %} any run, {@code \} or
 * the ESCAPE character escapes) and {@code str RLIKE regex} (a Java regular expression found
 * anywhere in the string). The pattern is usually a literal and is then compiled once per batch.
 */
public final class Like extends BinaryExpression {
    private static final long serialVersionUID = 1L;

    private static final char DEFAULT_ESCAPE = '\\';

    private final boolean regex;
    private final char escape;

    public Like(Expression left, Expression right, boolean regex) {
        this(left, right, regex, DEFAULT_ESCAPE);
    }

    /** {@code left LIKE right ESCAPE escape}. */
    public Like(Expression left, Expression right, char escape) {
        this(left, right, false, escape);
    }

    private Like(Expression left, Expression right, boolean regex, char escape) {
        super(left, right);
        this.regex = regex;
        this.escape = escape;
    }

    public boolean regex() {
        return regex;
    }

    @Override
    protected Expression copy(Expression newLeft, Expression newRight) {
        return new Like(newLeft, newRight, regex, escape);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return AtomicType.BOOLEAN;
    }

    @Override
    public ColumnVector eval(Batch input) {
        int n = input.rowCount();
        return match(input, Selection.all(n), n);
    }

    /** A column matched against a literal pattern is read in place; other strings are computed on a copy of the rows. */
    @Override
    public BooleanVector evalAt(Batch input, int[] rows, int count) {
        if (left instanceof BoundReference && right instanceof Literal) {
            return match(input, rows, count);
        }
        return super.evalAt(input, rows, count);
    }

    /** A literal pattern is read once, as its vector of one row. */
    private BooleanVector match(Batch input, int[] rows, int count) {
        StringVector strings = (StringVector) left.eval(input);
        boolean patternConstant = right instanceof Literal;
        StringVector patterns = (StringVector) (right instanceof Literal literal ? literal.asVector() : right.eval(input));
        return match(strings, patterns, patternConstant, rows, count);
    }

    /** Strings of a small dictionary against one pattern are matched entry by entry. */
    private BooleanVector match(StringVector strings, StringVector patterns, boolean patternConstant, int[] rows, int count) {
        StringVector entries = patternConstant ? ComparisonKernel.smallDictionary(strings, count) : null;
        if (entries != null) {
            int size = entries.size();
            return ComparisonKernel.byEntry(strings, match(entries, patterns, true, Selection.all(size), size), rows, count);
        }
        int n = strings.size();
        boolean[] nulls = ComparisonKernel.nulls(strings, patterns, patternConstant, n);
        boolean[] out = new boolean[n];
        byte[] lastPattern = null;
        Pattern compiled = null;
        LikeSegments segments = null;
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            if (nulls != null && nulls[i]) {
                continue;
            }
            int p = patternConstant ? 0 : i;
            int patternStart = patterns.start(p);
            int patternEnd = patternStart + patterns.length(p);
            if (lastPattern == null || !Arrays.equals(lastPattern, 0, lastPattern.length, patterns.bytes(), patternStart, patternEnd)) {
                String pattern = patterns.getString(p);
                // Most LIKE patterns are literal runs between %s, matched on the bytes; the rest become regular expressions.
                segments = regex ? null : LikeSegments.of(pattern, escape);
                compiled = segments == null ? compile(pattern) : null;
                lastPattern = patterns.getBytes(p);
            }
            if (segments != null) {
                out[i] = segments.matches(strings.bytes(), strings.start(i), strings.length(i));
            } else {
                String text = strings.getString(i);
                out[i] = regex ? compiled.matcher(text).find() : compiled.matcher(text).matches();
            }
        }
        return new BooleanVector(n, out, nulls);
    }

    private Pattern compile(String pattern) {
        try {
            return regex ? Pattern.compile(pattern) : Pattern.compile(likeToRegex(pattern, escape), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`regexp`",
                    "function", regex ? "`rlike`" : "`like`", "detail", e.getDescription() + " in '" + pattern + "'");
        }
    }

    /** Translates a LIKE pattern into an anchored Java regex. */
    public static String likeToRegex(String pattern) {
        return likeToRegex(pattern, DEFAULT_ESCAPE);
    }

    /** Translates a LIKE pattern with the given escape character into an anchored Java regex. */
    public static String likeToRegex(String pattern, char escape) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                if (i + 1 == pattern.length()) {
                    throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`pattern`",
                            "function", "`like`", "detail", "the escape character is not allowed to end the pattern '" + pattern + "'");
                }
                out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                out.append(".*");
            } else if (c == '_') {
                out.append('.');
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        if (regex) {
            return "RLIKE(" + left + ", " + right + ")";
        }
        return left + " LIKE " + right + (escape == DEFAULT_ESCAPE ? "" : " ESCAPE '" + escape + "'");
    }
}
