package dev.ember.conformance;

import dev.ember.conformance.Outcome.Column;
import dev.ember.conformance.Outcome.Failure;
import dev.ember.conformance.Outcome.Result;
import dev.ember.error.EmberException;
import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs scripts and programs on Ember and turns what comes back into {@link Outcome}s. */
final class EmberRunner {
    private EmberRunner() {
    }

    /**
     * What {@code sqlScript} made of a whole script: either one outcome per statement, or a
     * failure of the script as a whole (it parses everything first and runs commands as it reaches
     * them, so a syntax error or a failing command stops it before it returns anything).
     */
    record ScriptOutcome(List<Outcome> statements, Failure scriptFailure) {
    }

    static ScriptOutcome runScript(Supplier<EmberSession> session, String script) {
        List<DataFrame> frames;
        try {
            frames = session.get().sqlScript(script);
        } catch (Exception | LinkageError error) {
            return new ScriptOutcome(List.of(), failure(error));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (DataFrame frame : frames) {
            outcomes.add(run(() -> frame));
        }
        return new ScriptOutcome(outcomes, null);
    }

    static Outcome run(Supplier<DataFrame> program) {
        try {
            DataFrame frame = program.get();
            List<Column> columns = frame.schema().fields().stream()
                    .map(field -> new Column(field.name(), field.dataType().simpleString()))
                    .toList();
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : frame.collectAsList()) {
                rows.add(normalizeRow(row));
            }
            return new Result(columns, rows);
        } catch (Exception | LinkageError error) {
            return failure(error);
        }
    }

    /** The failure with the class of the first {@link EmberException} in the cause chain. */
    static Failure failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmberException ember) {
                return Failure.classified(ember.errorClass().name(), cause);
            }
        }
        return Failure.unclassified(error);
    }

    private static List<Object> normalizeRow(Row row) {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(normalize(row.get(i)));
        }
        return values;
    }

    private static Object normalize(Object value) {
        if (value instanceof Row struct) {
            return normalizeRow(struct);
        }
        if (value instanceof List<?> list) {
            return Values.normalizeList(list, EmberRunner::normalize);
        }
        if (value instanceof Map<?, ?> map) {
            return Values.normalizeMap(map, EmberRunner::normalize);
        }
        return value;
    }
}
