package dev.ember.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one engine made of one statement or program: a result (columns and rows of normalized
 * values, see {@link Values}) or a failure with its error class.
 */
sealed interface Outcome {
    /** One output column: its name and its type as Spark's {@code simpleString} prints it. */
    record Column(String name, String type) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }

        @Override
        public String toString() {
            return name + ": " + type;
        }
    }

    record Result(List<Column> columns, List<List<Object>> rows) implements Outcome {
        public Result {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** Whether this is the result of a command (CREATE VIEW, ...): no columns and no rows. */
        boolean isEmptyCommandResult() {
            return columns.isEmpty() && rows.isEmpty();
        }

        @Override
        public String toString() {
            return columns.stream().map(Column::toString).collect(Collectors.joining(", ", "columns [", "]"))
                    + ", " + rows.size() + (rows.size() == 1 ? " row" : " rows");
        }
    }

    /**
     * A failure. {@code errorClass} is the main part of the engine's error class (before the first
     * {@code .}); when the engine threw something without an error class, it is the exception's
     * class name and {@code classified} is false.
     */
    record Failure(String errorClass, boolean classified, String message) implements Outcome {
        public Failure {
            requireNonNull(errorClass, "errorClass is null");
            message = message == null ? "" : message;
        }

        /** A failure the engine classified: {@code condition} may have a sub-class after a {@code .}. */
        static Failure classified(String condition, Throwable error) {
            String mainPart = condition.contains(".") ? condition.substring(0, condition.indexOf('.')) : condition;
            return new Failure(mainPart, true, error.getClass().getSimpleName() + ": " + error.getMessage());
        }

        static Failure unclassified(Throwable error) {
            return new Failure(error.getClass().getName(), false, error.getMessage());
        }

        @Override
        public String toString() {
            String firstLines = message.lines().limit(3).collect(Collectors.joining("\n    "));
            return classified
                    ? "failed with " + errorClass + " (" + firstLines + ")"
                    : "failed without an error class: " + errorClass + ": " + firstLines;
        }
    }
}
