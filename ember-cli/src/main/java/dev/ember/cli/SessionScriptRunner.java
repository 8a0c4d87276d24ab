package dev.ember.cli;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.DataFrame;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs scripts on an {@link EmberSession}: {@code sqlScript}, then collects each query's result. */
final class SessionScriptRunner implements ScriptRunner {
    static final String APP_NAME = "ember-sql";

    private final EmberSession session;

    private SessionScriptRunner(EmberSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    static ScriptRunner open(Map<String, String> settings) {
        EmberSession.Builder builder = EmberSession.builder().appName(APP_NAME);
        settings.forEach(builder::config);
        return new SessionScriptRunner(builder.getOrCreate());
    }

    @Override
    public void run(String script, ResultSink sink) throws IOException {
        for (DataFrame result : session.sqlScript(script)) {
            StructType schema = result.schema();
            List<Row> rows = schema.size() == 0 ? List.of() : result.collectAsList();
            sink.accept(schema, rows);
        }
    }

    @Override
    public void close() {
        session.stop();
    }
}
