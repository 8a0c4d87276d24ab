package dev.ember.cli;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A runner that replays canned results and failures, and records what it was given. */
final class FakeScriptRunner implements ScriptRunner {
    private final List<Object> steps = new ArrayList<>();
    Map<String, String> settings;
    String script;
    int closeCount;

    /** The next statement yields this result. */
    FakeScriptRunner result(StructType schema, List<Row> rows) {
        steps.add(new Result(schema, rows));
        return this;
    }

    /** The next statement fails with this exception. */
    FakeScriptRunner failure(RuntimeException failure) {
        steps.add(failure);
        return this;
    }

    ScriptRunner.Factory factory() {
        return settings -> {
            this.settings = settings;
            return this;
        };
    }

    @Override
    public void run(String script, ResultSink sink) throws IOException {
        this.script = script;
        for (Object step : steps) {
            if (step instanceof RuntimeException failure) {
                throw failure;
            }
            Result result = (Result) step;
            sink.accept(result.schema(), result.rows());
        }
    }

    @Override
    public void close() {
        closeCount++;
    }

    private record Result(StructType schema, List<Row> rows) {
    }
}
