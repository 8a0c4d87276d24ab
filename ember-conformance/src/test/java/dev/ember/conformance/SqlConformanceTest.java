package dev.ember.conformance;

import static org.assertj.core.api.Assertions.fail;

import dev.ember.conformance.Cases.SqlCase;
import dev.ember.conformance.EmberRunner.ScriptOutcome;
import dev.ember.conformance.Outcome.Failure;
import dev.ember.conformance.Outcome.Result;
import dev.ember.conformance.SqlText.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every SQL script under {@code src/test/resources/sql} on Spark (statement by statement)
 * and on Ember (the whole script through {@code sqlScript}) and compares the outcomes statement by
 * statement. See the module's README for the rules.
 */
class SqlConformanceTest {
    /** How many differing statements one failure message describes in full. */
    private static final int STATEMENTS_SHOWN = 3;

    @TestFactory
    Stream<DynamicTest> sqlCases() {
        // No test source URI on purpose: Surefire silently drops dynamic tests whose source is a file.
        return Cases.sqlCases().stream()
                .map(sqlCase -> DynamicTest.dynamicTest(sqlCase.name(), () -> check(sqlCase)));
    }

    private static void check(SqlCase sqlCase) throws IOException {
        checkScript(sqlCase.name(), Files.readString(sqlCase.file()).replace("${data}", Sessions.dataDirectory().toString()));
    }

    /** Runs a script on both engines and fails with the statements whose outcomes differ. */
    static void checkScript(String name, String scriptText) {
        // Each engine writes into its own scratch directory, so that neither reads what the other wrote.
        String script = scriptText.replace("${tmp}", Sessions.scratchDirectory("spark", name).toString());
        String emberScript = scriptText.replace("${tmp}", Sessions.scratchDirectory("ember", name).toString());
        List<Statement> statements = SqlText.split(script);
        List<Outcome> spark = SparkRunner.runStatements(Sessions.newSparkSession(), statements);
        if (Boolean.getBoolean("conformance.print")) {
            printSparkOutcomes(name, statements, spark);
        }
        ScriptOutcome ember = EmberRunner.runScript(Sessions::emberForNewCase, emberScript);

        String header = name + " (" + statements.size() + " statements)";
        if (ember.scriptFailure() != null) {
            checkScriptFailure(header, statements, spark, ember.scriptFailure());
            return;
        }
        if (ember.statements().size() != statements.size()) {
            fail(header + ": Spark ran " + statements.size() + " statements, Ember's sqlScript returned "
                    + ember.statements().size() + " frames (the statement splitters disagree)");
        }
        List<String> differences = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            boolean ordered = SqlText.hasTopLevelOrderBy(statements.get(i).text());
            Optional<String> difference = Comparison.compare(spark.get(i), ember.statements().get(i), ordered);
            if (difference.isPresent()) {
                differences.add(describeStatement(statements, i) + "\n  " + difference.get());
                summaries.add((i + 1) + ": " + difference.get().lines().findFirst().orElse(""));
            }
        }
        if (!differences.isEmpty()) {
            // The first line alone says which statements differ and how, for reports that keep one line.
            StringBuilder message = new StringBuilder(header).append(": ").append(differences.size())
                    .append(differences.size() == 1 ? " statement differs (" : " statements differ (")
                    .append(String.join("; ", summaries)).append(')');
            differences.stream().limit(STATEMENTS_SHOWN).forEach(d -> message.append("\n\n").append(d));
            if (differences.size() > STATEMENTS_SHOWN) {
                message.append("\n\n... and ").append(differences.size() - STATEMENTS_SHOWN).append(" more");
            }
            fail(message.toString());
        }
    }

    /**
     * Ember failed the script as a whole, so it answered no statement. That agrees with Spark only
     * when Spark's first failing statement failed with the same error class and every other
     * statement was a command without output: then nothing Spark produced went unchecked.
     */
    private static void checkScriptFailure(String header, List<Statement> statements, List<Outcome> spark, Failure ember) {
        if (!ember.classified()) {
            fail(header + ": Ember could not run the script: " + ember);
        }
        int firstFailure = -1;
        for (int i = 0; i < spark.size() && firstFailure < 0; i++) {
            if (spark.get(i) instanceof Failure) {
                firstFailure = i;
            }
        }
        if (firstFailure < 0) {
            fail(header + ": Ember " + ember + " for the whole script; Spark ran every statement."
                    + "\n  Spark's first statement with output: " + firstWithOutput(statements, spark, -1));
        }
        Failure sparkFailure = (Failure) spark.get(firstFailure);
        if (!Comparison.sameErrorClass(sparkFailure, ember)) {
            fail(header + ": Ember failed the whole script with " + ember.errorClass() + ", Spark failed statement "
                    + (firstFailure + 1) + " with " + sparkFailure.errorClass() + "\n" + describeStatement(statements, firstFailure)
                    + "\n  Spark " + sparkFailure + "\n  Ember " + ember);
        }
        String unchecked = firstWithOutput(statements, spark, firstFailure);
        if (unchecked != null) {
            fail(header + ": Ember failed the whole script with " + ember.errorClass() + ", as Spark failed statement "
                    + (firstFailure + 1) + ", but Spark also answered other statements, which Ember never ran"
                    + " (put an error that stops the script in a file of its own)\n" + describeStatement(statements, firstFailure)
                    + "\nfirst other statement with output: " + unchecked);
        }
    }

    /** The first statement other than {@code except} whose Spark outcome is not an empty command result. */
    private static String firstWithOutput(List<Statement> statements, List<Outcome> spark, int except) {
        for (int i = 0; i < spark.size(); i++) {
            if (i != except && !(spark.get(i) instanceof Result result && result.isEmptyCommandResult())) {
                return describeStatement(statements, i) + "\n  Spark " + Comparison.show(spark.get(i));
            }
        }
        return null;
    }

    private static String describeStatement(List<Statement> statements, int index) {
        Statement statement = statements.get(index);
        return "statement " + (index + 1) + " (line " + statement.line() + "):\n    "
                + statement.text().replace("\n", "\n    ");
    }

    private static void printSparkOutcomes(String name, List<Statement> statements, List<Outcome> spark) {
        StringBuilder out = new StringBuilder("== Spark: ").append(name);
        for (int i = 0; i < statements.size(); i++) {
            out.append("\n").append(describeStatement(statements, i)).append("\n  -> ").append(Comparison.show(spark.get(i)));
        }
        System.out.println(out);
    }
}
