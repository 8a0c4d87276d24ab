package dev.ember.cli;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs SQL scripts for {@code ember sql}: the seam between the command line and the engine, so
 * that the command's behaviour (what is printed where, exit codes) is testable with a fake.
 *
 * <p>One runner serves one command invocation on one thread, and is closed when the command ends.
 */
interface ScriptRunner extends AutoCloseable {
    /**
     * Runs {@code script}'s {@code ;}-separated statements in order and hands each statement's
     * result to {@code sink} as soon as it is complete, before the next statement runs. Statements
     * without a result (commands such as {@code CREATE VIEW}) are handed over with a zero-column
     * schema and no rows. The first failing statement ends the script: its exception (an
     * {@code EmberException} for engine errors) propagates, after the earlier results were handed over.
     */
    void run(String script, ResultSink sink) throws IOException;

    /** Releases the session; called exactly once. */
    @Override
    void close();

    /** Receives the results of a script, in statement order. */
    @FunctionalInterface
    interface ResultSink {
        void accept(StructType schema, List<Row> rows) throws IOException;
    }

    /** Opens a runner on a session built with these settings ({@code ember.master}, {@code --conf} keys). */
    @FunctionalInterface
    interface Factory {
        ScriptRunner open(Map<String, String> settings);
    }
}
