package dev.ember.cli;

/**
 * A failure the user can act on that is not an engine error: a missing file, a jar without a main
 * class. The launcher prints {@code Error: } and the message, without a stack trace, and exits with 1.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
