package dev.ember.conformance;

import dev.ember.conformance.Outcome.Failure;
import dev.ember.conformance.Outcome.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares what Spark and Ember made of the same statement and, when they differ, says how.
 *
 * <p>Two failures agree when both engines gave an error class and the main parts are equal. Two results agree when
 * their column names and types are equal and their rows match, position by position when the
 * query sorts its result and as multisets otherwise, values compared by {@link Values#matches}.
 */
final class Comparison {
    /** How many differing rows a message lists on each side. */
    static final int ROWS_SHOWN = 10;

    private Comparison() {
    }

    /** Empty when the outcomes agree; otherwise a description of the difference. */
    static Optional<String> compare(Outcome spark, Outcome ember, boolean ordered) {
        if (spark instanceof Failure sparkFailure && ember instanceof Failure emberFailure) {
            if (sameErrorClass(sparkFailure, emberFailure)) {
                return Optional.empty();
            }
            return Optional.of("Spark failed with " + sparkFailure.errorClass() + ", Ember with " + emberFailure.errorClass()
                    + "\n  Spark " + spark + "\n  Ember " + ember);
        }
        if (spark instanceof Result sparkResult && ember instanceof Result emberResult) {
            return compareResults(sparkResult, emberResult, ordered);
        }
        String summary = spark instanceof Failure sparkFailure
                ? "Spark failed with " + sparkFailure.errorClass() + ", Ember answered"
                : "Ember failed with " + ((Failure) ember).errorClass() + ", Spark answered";
        return Optional.of(summary + "\n  Spark " + show(spark) + "\n  Ember " + show(ember));
    }

    /** Failures agree when both engines classified them, with the same main error class. */
    static boolean sameErrorClass(Failure spark, Failure ember) {
        return spark.classified() && ember.classified() && spark.errorClass().equals(ember.errorClass());
    }

    private static Optional<String> compareResults(Result spark, Result ember, boolean ordered) {
        boolean sameColumns = spark.columns().equals(ember.columns());
        List<String> rowDiff = ordered ? orderedDiff(spark.rows(), ember.rows()) : multisetDiff(spark.rows(), ember.rows());
        if (sameColumns && rowDiff.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        out.append(sameColumns ? "rows differ" : rowDiff.isEmpty() ? "columns differ" : "columns and rows differ");
        out.append(ordered ? "\n  (rows compared in order: the query has a top-level ORDER BY)"
                : "\n  (rows compared as multisets)");
        out.append("\n  Spark ").append(spark).append("\n  Ember ").append(ember);
        rowDiff.forEach(line -> out.append("\n    ").append(line));
        return Optional.of(out.toString());
    }

    private static List<String> orderedDiff(List<List<Object>> spark, List<List<Object>> ember) {
        List<String> lines = new ArrayList<>();
        int differing = 0;
        for (int i = 0; i < Math.max(spark.size(), ember.size()); i++) {
            List<Object> expected = i < spark.size() ? spark.get(i) : null;
            List<Object> actual = i < ember.size() ? ember.get(i) : null;
            if (expected == null || actual == null || !Values.rowsMatch(expected, actual)) {
                if (differing++ < ROWS_SHOWN) {
                    lines.add("row " + (i + 1) + ": Spark " + formatOrNone(expected) + "  Ember " + formatOrNone(actual));
                }
            }
        }
        if (differing > ROWS_SHOWN) {
            lines.add("... and " + (differing - ROWS_SHOWN) + " more differing rows");
        }
        return lines;
    }

    /** Lines up both sides sorted, then pairs each Spark row with an equal Ember row. */
    private static List<String> multisetDiff(List<List<Object>> spark, List<List<Object>> ember) {
        Comparator<List<Object>> byValues = Values::orderRows;
        List<List<Object>> onlySpark = new ArrayList<>(spark);
        List<List<Object>> onlyEmber = new ArrayList<>(ember);
        onlySpark.sort(byValues);
        onlyEmber.sort(byValues);
        if (onlySpark.size() == onlyEmber.size() && Values.rowsMatch(onlySpark, onlyEmber)) {
            return List.of();
        }
        // Values within tolerance may sort differently; match the remainder pairwise.
        for (var sparkRows = onlySpark.iterator(); sparkRows.hasNext(); ) {
            List<Object> row = sparkRows.next();
            for (var emberRows = onlyEmber.iterator(); emberRows.hasNext(); ) {
                if (Values.rowsMatch(row, emberRows.next())) {
                    emberRows.remove();
                    sparkRows.remove();
                    break;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        listRows(lines, "only in Spark", onlySpark);
        listRows(lines, "only in Ember", onlyEmber);
        return lines;
    }

    private static void listRows(List<String> lines, String title, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        lines.add(title + " (" + rows.size() + "):");
        rows.stream().limit(ROWS_SHOWN).forEach(row -> lines.add("  " + Values.formatRow(row)));
        if (rows.size() > ROWS_SHOWN) {
            lines.add("  ...");
        }
    }

    /** An outcome with its first rows, for messages and for printing Spark's answers. */
    static String show(Outcome outcome) {
        if (outcome instanceof Result result) {
            StringBuilder out = new StringBuilder(result.toString());
            result.rows().stream().limit(ROWS_SHOWN).forEach(row -> out.append("\n      ").append(Values.formatRow(row)));
            if (result.rows().size() > ROWS_SHOWN) {
                out.append("\n      ...");
            }
            return out.toString();
        }
        return outcome.toString();
    }

    private static String formatOrNone(List<Object> row) {
        return row == null ? "(none)" : Values.formatRow(row);
    }
}
