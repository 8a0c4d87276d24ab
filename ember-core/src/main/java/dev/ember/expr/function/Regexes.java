package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the regular expressions of one evaluation, keeping the last one: the pattern is
 * nearly always a literal, so it is compiled once per batch. Not shared between threads.
 */
final class Regexes {
    private final String function;
    private String lastRegex;
    private Pattern lastPattern;

    Regexes(String function) {
        this.function = function;
    }

    Pattern compile(String regex) {
        if (!regex.equals(lastRegex)) {
            try {
                lastPattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw EmberException.of(ErrorClass.INVALID_PARAMETER_VALUE, "parameter", "`regexp`", "function", "`" + function + "`",
                        "detail", "'" + regex + "'");
            }
            lastRegex = regex;
        }
        return lastPattern;
    }
}
