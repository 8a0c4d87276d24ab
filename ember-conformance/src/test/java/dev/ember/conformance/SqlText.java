package dev.ember.conformance;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL text just far enough to split a script into statements and to tell whether a query
 * sorts its result. Both work on a <em>masked</em> copy of the text in which the contents of
 * string literals, quoted identifiers and comments are blanked out, so that a {@code ;}, a
 * parenthesis or the words {@code ORDER BY} inside them count for nothing.
 */
final class SqlText {
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);

    private SqlText() {
    }

    /** One statement of a script: its text (trimmed, without the {@code ;}) and its 1-based first line. */
    record Statement(String text, int line) {
        Statement {
            requireNonNull(text, "text is null");
        }
    }

    /** The statements of a script, in order; stretches holding only blanks and comments are dropped. */
    static List<Statement> split(String script) {
        String masked = mask(script);
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= script.length(); i++) {
            if (i == script.length() || masked.charAt(i) == ';') {
                if (!masked.substring(start, i).isBlank()) {
                    int first = start + leadingBlanks(masked, start, i);
                    statements.add(new Statement(script.substring(start, i).strip(), lineOf(script, first)));
                }
                start = i + 1;
            }
        }
        return statements;
    }

    /**
     * Whether the statement's result is sorted: it has {@code ORDER BY} outside every parenthesis,
     * string and comment. That is the ORDER BY of the outermost query (also when it follows a set
     * operation or a CTE); an ORDER BY inside a subquery, a CTE body or a window does not count.
     */
    static boolean hasTopLevelOrderBy(String statement) {
        String masked = mask(statement);
        StringBuilder topLevel = new StringBuilder(masked.length());
        int depth = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            topLevel.append(depth == 0 && c != ')' ? c : ' ');
        }
        Matcher matcher = ORDER_BY.matcher(topLevel);
        return matcher.find();
    }

    /**
     * The text with the same length and line breaks, where the insides of {@code '...'},
     * {@code "..."}, {@code `...`}, {@code -- ...} and (nested) {@code /* ... *}{@code /} are
     * spaces. Quote characters themselves are kept; a backslash escapes the next character inside
     * string literals, as in Spark SQL.
     */
    static String mask(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                out.append(c);
                i++;
                while (i < n && text.charAt(i) != c) {
                    if (c != '`' && text.charAt(i) == '\\' && i + 1 < n) {
                        blank(out, text.charAt(i));
                        i++;
                    }
                    blank(out, text.charAt(i));
                    i++;
                }
                if (i < n) {
                    out.append(c);
                    i++;
                }
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    blank(out, text.charAt(i));
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int depth = 0;
                do {
                    if (text.startsWith("/*", i)) {
                        depth++;
                        out.append("  ");
                        i += 2;
                    } else if (text.startsWith("*/", i)) {
                        depth--;
                        out.append("  ");
                        i += 2;
                    } else {
                        blank(out, text.charAt(i));
                        i++;
                    }
                } while (i < n && depth > 0);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, char c) {
        out.append(c == '\n' || c == '\r' ? c : ' ');
    }

    private static int leadingBlanks(String masked, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(masked.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
