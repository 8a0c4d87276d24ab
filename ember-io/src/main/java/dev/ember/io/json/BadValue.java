package dev.ember.io.json;

/**
 * A JSON value that does not convert to its column's type (a string in a bigint column, say). The
 * record is then malformed, but only that field is lost: the reader nulls it and goes on. No stack
 * trace, since malformed input is expected input.
 */
final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
        super(message, null, false, false);
    }
}
