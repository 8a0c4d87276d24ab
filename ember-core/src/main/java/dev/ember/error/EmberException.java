package dev.ember.error;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one exception type Ember throws at users: an {@link ErrorClass}, its SQLSTATE, the values
 * that fill the message, and where known the position in the query text it points at.
 *
 * <p>{@link #getMessage()} reads like Spark's: {@code [UNRESOLVED_COLUMN] A column ... SQLSTATE: 42703}.
 */
public final class EmberException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z]+)>");

    private final ErrorClass errorClass;
    private final Map<String, String> parameters;
    private final QueryPosition position;

    private EmberException(ErrorClass errorClass, Map<String, String> parameters, QueryPosition position, Throwable cause) {
        super(render(errorClass, parameters, position), cause);
        this.errorClass = requireNonNull(errorClass, "errorClass is null");
        this.parameters = Map.copyOf(parameters);
        this.position = position;
    }

    /** Starts an error of the given class; parameters are name/value pairs that fill the template. */
    public static EmberException of(ErrorClass errorClass, Object... nameValuePairs) {
        return new EmberException(errorClass, pairs(nameValuePairs), null, null);
    }

    public static EmberException internal(String message, Throwable cause) {
        return new EmberException(ErrorClass.INTERNAL_ERROR, Map.of("message", message), null, cause);
    }

    public EmberException withCause(Throwable cause) {
        return new EmberException(errorClass, parameters, position, cause);
    }

    /** The same error, pointing at a position in the query text (kept when already set). */
    public EmberException at(QueryPosition where) {
        if (position != null || where == null) {
            return this;
        }
        return new EmberException(errorClass, parameters, where, getCause());
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public String sqlState() {
        return errorClass.sqlState();
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public QueryPosition position() {
        return position;
    }

    private static Map<String, String> pairs(Object[] nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("parameters must be name/value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put(String.valueOf(nameValuePairs[i]), String.valueOf(nameValuePairs[i + 1]));
        }
        return map;
    }

    private static String render(ErrorClass errorClass, Map<String, String> parameters, QueryPosition position) {
        Matcher matcher = PLACEHOLDER.matcher(errorClass.template());
        StringBuilder text = new StringBuilder("[").append(errorClass.name()).append("] ");
        while (matcher.find()) {
            String value = parameters.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        text.append(" SQLSTATE: ").append(errorClass.sqlState());
        if (position != null) {
            text.append(position.describe());
        }
        return text.toString();
    }
}
